package dev.lifeguard.rules.mysql;

import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.TargetVersion;

import java.util.Optional;

/**
 * What InnoDB's online DDL does with ADD COLUMN, per server version. MySQL added ALGORITHM=INSTANT for
 * ADD COLUMN in 8.0.12 and MariaDB in 10.3.2; before that an added column rebuilds the table
 * (ALGORITHM=INPLACE: writes go on, but every row is copied, and a replica applies the change only after
 * it has run as long on the primary). A STORED generated column is computed for every row on every
 * version: that is ALGORITHM=COPY, which blocks writes for the whole copy.
 */
public final class MySqlOnlineDdl {
    private MySqlOnlineDdl() {
    }

    /** Why adding this column rebuilds the table on the target, or empty when it is instant. */
    public static Optional<String> addColumnRebuild(ColumnDef column, TargetVersion target) {
        if (column.generated() == ColumnDef.Generated.STORED) {
            return Optional.of("a STORED generated column is computed for every row with ALGORITHM=COPY, which"
                    + " blocks writes for the whole copy");
        }
        if (target.dialect() == Dialect.MYSQL && !target.atLeast(8, 0, 12)) {
            return Optional.of("MySQL before 8.0.12 (target " + target + ") has no INSTANT ADD COLUMN: it rebuilds"
                    + " the table (ALGORITHM=INPLACE), copying every row while writes go on, and replicas lag"
                    + " for as long as the rebuild ran");
        }
        if (target.dialect() == Dialect.MARIADB && !target.atLeast(10, 3, 2)) {
            return Optional.of("MariaDB before 10.3.2 (target " + target + ") has no INSTANT ADD COLUMN: it"
                    + " rebuilds the table (ALGORITHM=INPLACE), copying every row while writes go on, and"
                    + " replicas lag for as long as the rebuild ran");
        }
        return Optional.empty();
    }
}
