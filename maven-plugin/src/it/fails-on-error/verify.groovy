// The build failed on the error, with the finding in the log and the SARIF report under target/
def log = new File(basedir, 'build.log').text
assert log.contains('error[rename-column]') : log
assert log.contains('db/migration/V2__rename_name.sql:1:19') : log
assert log.contains("Lifeguard found migrations with findings at or above 'error'") : log
assert log.contains('BUILD FAILURE') : log
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/lifeguard.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].results*.ruleId.contains('rename-column') : sarif.runs[0].results*.ruleId
return true
