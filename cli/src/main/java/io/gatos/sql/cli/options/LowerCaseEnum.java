package io.gatos.sql.cli.options;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts command-line values to the constants of an enum whose {@code toString()} is its
 * command-line name (lower case), in any case; subclasses name the enum for picocli, which needs a
 * no-argument constructor.
 *
 * @param <E> the enum
 */
public abstract class LowerCaseEnum<E extends Enum<E>> implements ITypeConverter<E>, Iterable<String> {
    private final E[] constants;

    protected LowerCaseEnum(Class<E> type) {
        this.constants = Objects.requireNonNull(type, "type").getEnumConstants();
    }

    @Override
    public E convert(String value) {
        for (E constant : constants) {
            if (constant.toString().equalsIgnoreCase(value.strip())) {
                return constant;
            }
        }
        throw new TypeConversionException(
                "expected one of " + Arrays.toString(constants) + " but was '" + value + "'");
    }

    /** Lists the command-line names, for picocli's {@code ${COMPLETION-CANDIDATES}}. */
    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(constants).map(E::toString).iterator();
    }
}
