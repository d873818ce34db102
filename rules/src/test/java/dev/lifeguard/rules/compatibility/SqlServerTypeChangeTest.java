package dev.lifeguard.rules.compatibility;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SqlServerTypeChangeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "varchar(50)|varchar(1024)|true", "varchar|varchar(100)|true", "[nvarchar](50)|NVARCHAR(60) NOT NULL|true",
            "varbinary(16)|varbinary(32)|true", "varchar(max)|varchar(max)|true", "text|varchar(max)|true",
            "ntext|nvarchar(max)|true", "varchar(100)|varchar(50)|false", "varchar(50)|nvarchar(50)|false",
            "varchar(50)|varchar(max)|false", "char(4)|char(6)|false", "int|bigint|false", "text|varchar(8000)|false",
            "bigint|int|false", "numeric|numeric(19,5)|false", "varchar(50)|varchar(abc)|false"})
    void onlyLongerVariableLengthsTouchNoRow(String from, String to, boolean metadataOnly) {
        assertEquals(metadataOnly, SqlServerTypeChange.metadataOnly(from, to), from + " -> " + to);
    }
}
