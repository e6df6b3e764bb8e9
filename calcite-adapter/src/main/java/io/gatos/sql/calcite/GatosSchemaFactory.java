package io.gatos.sql.calcite;

import io.gatos.sql.ledger.LedgerRepository;
import java.nio.file.Path;
import java.util.Map;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaFactory;
import org.apache.calcite.schema.SchemaPlus;

/**
 * Creates a {@link GatosSchema} from a Calcite model file; the operand {@code repo} names the
 * repository. The repository stays open for the life of the JVM (models have no close hook).
 */
public final class GatosSchemaFactory implements SchemaFactory {
    /** Creates the factory; Calcite instantiates it reflectively. */
    public GatosSchemaFactory() {
    }

    @Override
    public Schema create(SchemaPlus parentSchema, String name, Map<String, Object> operand) {
        Object repo = operand.get("repo");
        if (repo == null) {
            throw new IllegalArgumentException("schema " + name + ": operand 'repo' (path of a GATOS repository)"
                    + " is required");
        }
        return new GatosSchema(LedgerRepository.open(Path.of(repo.toString())));
    }
}
