package io.gatos.sql.materialize.files;

import io.gatos.sql.materialize.MaterializeException;
import io.gatos.sql.materialize.MaterializeException.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * Presents a directory of CSV/JSON files as a Calcite schema ({@code --source NAME=DIR}): one table
 * per declared dataset, whose rows are those of every file in the directory (not its
 * subdirectories) matching the dataset's pattern, in file-name order. Files are listed and read
 * anew by each scan, one row in memory at a time (a JSON document whole).
 */
public final class FilesSchema extends AbstractSchema {
    private final Path dir;
    private final FileSchema schema;

    /** Creates the schema of {@code dir} as {@code schema} declares it. */
    public FilesSchema(Path dir, FileSchema schema) {
        this.dir = dir;
        this.schema = schema;
    }

    @Override
    protected Map<String, Table> getTableMap() {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (FileDataset dataset : schema.datasets()) {
            tables.put(dataset.name(), new FilesTable(dataset));
        }
        return tables;
    }

    /** Returns the files of {@code dataset} in {@code dir}, sorted by name. */
    static List<Path> filesOf(Path dir, FileDataset dataset) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> Files.isRegularFile(p) && dataset.matches(p.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new MaterializeException(Code.IO, "source directory " + dir + " cannot be listed: " + e.getMessage(), e);
        }
    }

    /** Scans the files of one dataset. */
    private final class FilesTable extends AbstractTable implements ScannableTable {
        private final FileDataset dataset;

        FilesTable(FileDataset dataset) {
            this.dataset = dataset;
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory types) {
            RelDataTypeFactory.Builder row = types.builder();
            for (FileColumn c : dataset.columns()) {
                row.add(c.name(), types.createTypeWithNullability(types.createSqlType(c.type().sqlType()), c.nullable()));
            }
            return row.build();
        }

        @Override
        public Enumerable<Object[]> scan(DataContext root) {
            return new AbstractEnumerable<>() {
                @Override
                public Enumerator<Object[]> enumerator() {
                    return new RowsEnumerator(dataset, new ArrayList<>(filesOf(dir, dataset)));
                }
            };
        }
    }

    /** Walks the rows of a list of files, opening one file at a time. */
    private static final class RowsEnumerator implements Enumerator<Object[]> {
        private final FileDataset dataset;
        private final List<Path> files;
        private int next;
        private FileRows rows;
        private Object[] current;

        RowsEnumerator(FileDataset dataset, List<Path> files) {
            this.dataset = dataset;
            this.files = files;
        }

        @Override
        public Object[] current() {
            return current;
        }

        @Override
        public boolean moveNext() {
            while (true) {
                if (rows == null) {
                    if (next >= files.size()) {
                        return false;
                    }
                    rows = FileRows.open(dataset, files.get(next++));
                }
                current = rows.next();
                if (current != null) {
                    return true;
                }
                rows.close();
                rows = null;
            }
        }

        @Override
        public void reset() {
            close();
            next = 0;
        }

        @Override
        public void close() {
            if (rows != null) {
                rows.close();
                rows = null;
            }
        }
    }
}
