// Run 1 passed with the warning shown; run 2 (failOn=warning) failed on it. Both wrote the SARIF report.
def log = new File(basedir, 'build.log').text
assert log.contains('warning[missing-lock-timeout]') : log
assert log.contains('BUILD SUCCESS') : log
assert log.contains('BUILD FAILURE') : log
assert log.contains("at or above 'warning'") : log
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/lifeguard.sarif'))
assert sarif.runs[0].results*.ruleId == ['missing-lock-timeout'] : sarif.runs[0].results*.ruleId
assert sarif.runs[0].tool.driver.rules.find { it.id == 'missing-lock-timeout' }.helpUri.endsWith('/docs/rules/missing-lock-timeout.md')
return true
