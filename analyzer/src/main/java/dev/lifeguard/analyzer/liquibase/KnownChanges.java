package dev.lifeguard.analyzer.liquibase;

import liquibase.change.Change;
import liquibase.change.ChangeFactory;
import liquibase.change.core.*;
import liquibase.change.custom.CustomChangeWrapper;
import liquibase.change.visitor.ChangeVisitor;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParserConfiguration;
import liquibase.parser.ChangeLogParserConfiguration.ChangelogParseMode;
import liquibase.parser.core.ParsedNode;
import liquibase.parser.core.ParsedNodeException;
import liquibase.resource.ResourceAccessor;

import java.util.Set;

/**
 * The change types of the Liquibase Lifeguard bundles, created by name without {@link ChangeFactory}. The first
 * {@code ChangeFactory.create} of a run builds the metadata of every registered change class (bean introspection
 * of all 47 of them, to learn each one's name and priority), which was 40% of reading a small changelog; here a
 * change costs only its own class's metadata, when Liquibase loads it. The table is Liquibase's own: {@code
 * KnownChangesTest} checks that every name gives the class ChangeFactory gives, and that the names are exactly
 * ChangeFactory's defined changes, so a Liquibase upgrade that adds, renames or replaces a change fails that test.
 * A name outside the table (a misspelling, an extension's change type) is skipped as ChangeFactory's null is.
 */
final class KnownChanges {
    /** The names of the change types Liquibase knows (createTable, sql...): ChangeFactory's defined changes. */
    static final Set<String> NAMES = Set.of(
            "addAutoIncrement",
            "addColumn",
            "addDefaultValue",
            "addForeignKeyConstraint",
            "addLookupTable",
            "addNotNullConstraint",
            "addPrimaryKey",
            "addUniqueConstraint",
            "alterSequence",
            "createIndex",
            "createProcedure",
            "createSequence",
            "createTable",
            "createView",
            "customChange",
            "delete",
            "dropAllForeignKeyConstraints",
            "dropColumn",
            "dropDefaultValue",
            "dropForeignKeyConstraint",
            "dropIndex",
            "dropNotNullConstraint",
            "dropPrimaryKey",
            "dropProcedure",
            "dropSequence",
            "dropTable",
            "dropUniqueConstraint",
            "dropView",
            "empty",
            "executeCommand",
            "insert",
            "loadData",
            "loadUpdateData",
            "mergeColumns",
            "modifyDataType",
            "output",
            "renameColumn",
            "renameSequence",
            "renameTable",
            "renameView",
            "setColumnRemarks",
            "setTableRemarks",
            "sql",
            "sqlFile",
            "stop",
            "tagDatabase",
            "update"
    );

    private KnownChanges() {
    }

    /** A new change of that type, as ChangeFactory.create makes it; null for a name Liquibase does not define. */
    static Change create(String name) {
        return switch (name) {
            case "addAutoIncrement" -> new AddAutoIncrementChange();
            case "addColumn" -> new AddColumnChange();
            case "addDefaultValue" -> new AddDefaultValueChange();
            case "addForeignKeyConstraint" -> new AddForeignKeyConstraintChange();
            case "addLookupTable" -> new AddLookupTableChange();
            case "addNotNullConstraint" -> new AddNotNullConstraintChange();
            case "addPrimaryKey" -> new AddPrimaryKeyChange();
            case "addUniqueConstraint" -> new AddUniqueConstraintChange();
            case "alterSequence" -> new AlterSequenceChange();
            case "createIndex" -> new CreateIndexChange();
            case "createProcedure" -> new CreateProcedureChange();
            case "createSequence" -> new CreateSequenceChange();
            case "createTable" -> new CreateTableChange();
            case "createView" -> new CreateViewChange();
            case "customChange" -> new CustomChangeWrapper();
            case "delete" -> new DeleteDataChange();
            case "dropAllForeignKeyConstraints" -> new DropAllForeignKeyConstraintsChange();
            case "dropColumn" -> new DropColumnChange();
            case "dropDefaultValue" -> new DropDefaultValueChange();
            case "dropForeignKeyConstraint" -> new DropForeignKeyConstraintChange();
            case "dropIndex" -> new DropIndexChange();
            case "dropNotNullConstraint" -> new DropNotNullConstraintChange();
            case "dropPrimaryKey" -> new DropPrimaryKeyChange();
            case "dropProcedure" -> new DropProcedureChange();
            case "dropSequence" -> new DropSequenceChange();
            case "dropTable" -> new DropTableChange();
            case "dropUniqueConstraint" -> new DropUniqueConstraintChange();
            case "dropView" -> new DropViewChange();
            case "empty" -> new EmptyChange();
            case "executeCommand" -> new ExecuteShellCommandChange();
            case "insert" -> new InsertDataChange();
            case "loadData" -> new LoadDataChange();
            case "loadUpdateData" -> new LoadUpdateDataChange();
            case "mergeColumns" -> new MergeColumnChange();
            case "modifyDataType" -> new ModifyDataTypeChange();
            case "output" -> new OutputChange();
            case "renameColumn" -> new RenameColumnChange();
            case "renameSequence" -> new RenameSequenceChange();
            case "renameTable" -> new RenameTableChange();
            case "renameView" -> new RenameViewChange();
            case "setColumnRemarks" -> new SetColumnRemarksChange();
            case "setTableRemarks" -> new SetTableRemarksChange();
            case "sql" -> new RawSQLChange();
            case "sqlFile" -> new SQLFileChange();
            case "stop" -> new StopChange();
            case "tagDatabase" -> new TagDatabaseChange();
            case "update" -> new UpdateDataChange();
            default -> null;
        };
    }

    /** A changelog whose changeSets create their changes through {@link KnownChanges}. */
    static final class ChangeLog extends DatabaseChangeLog {
        ChangeLog(String physicalFilePath) {
            super(physicalFilePath);
        }

        /** As DatabaseChangeLog's own (StandardChangeSetService makes a plain ChangeSet), with the changeSet below. */
        @Override
        protected ChangeSet createChangeSet(ParsedNode node, ResourceAccessor accessor) throws ParsedNodeException {
            ChangeSet changeSet = new KnownChangeSet(this);
            changeSet.setChangeLogParameters(getChangeLogParameters());
            changeSet.load(node, accessor);
            return changeSet;
        }
    }

    /** A changeSet that creates its changes (and its rollback's) by name, else as Liquibase does. */
    private static final class KnownChangeSet extends ChangeSet {
        KnownChangeSet(DatabaseChangeLog changeLog) {
            super(changeLog);
        }

        /** As ChangeSet.toChange: create, load from the node, apply the changelog's change visitors. */
        @Override
        protected Change toChange(ParsedNode value, ResourceAccessor accessor) throws ParsedNodeException {
            Change change = create(value.getName());
            if (change == null) {
                // no class has that name (an attribute such as id or author comes here too), so ChangeFactory finds
                // none either, and Liquibase skips the node: unless it has children in STRICT mode, whose error is
                // left to Liquibase (LAX is Lifeguard's)
                return value.getChildren().isEmpty() || ChangeLogParserConfiguration.CHANGELOG_PARSE_MODE
                        .getCurrentValue() != ChangelogParseMode.STRICT ? null : super.toChange(value, accessor);
            }
            ChangeMetadata.prime(change); // Liquibase's metadata of the class, built without the Introspector
            change.load(value, accessor);
            for (ChangeVisitor visitor : getChangeLog().getChangeVisitors()) {
                change.modify(visitor);
            }
            return change;
        }
    }
}
