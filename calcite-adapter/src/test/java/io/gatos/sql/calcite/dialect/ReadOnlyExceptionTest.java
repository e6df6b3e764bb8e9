package io.gatos.sql.calcite.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadOnlyExceptionTest {
    @Test
    void theMessageSaysWhatIsNotSupportedAndWhy() {
        ReadOnlyException e = new ReadOnlyException("CREATE TABLE");
        assertThat(e).hasMessage("gatos-sql is read-only: CREATE TABLE is not supported; the ledger is written by "
                + "GATOS tools").hasNoCause();
    }
}
