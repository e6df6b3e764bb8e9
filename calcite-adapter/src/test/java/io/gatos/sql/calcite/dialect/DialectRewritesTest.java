package io.gatos.sql.calcite.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.SqlCall;
import org.junit.jupiter.api.Test;

class DialectRewritesTest {
    /** Parses {@code SELECT <expr>} and returns the rewritten expression as SQL text. */
    private static String rewritten(String expr) throws SqlParseException {
        SqlSelect select = (SqlSelect) SqlParser.create("SELECT " + expr,
                SqlParser.config().withParserFactory(GatosParser.FACTORY)).parseStmt();
        SqlNode node = select.getSelectList().get(0).accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                return DialectRewrites.rewrite(super.visit(call));
            }
        });
        return node.toString().replace("\n", " ");
    }

    @Test
    void turnsPostgresDateTruncIntoFloorWithIsoWeeks() throws SqlParseException {
        assertThat(rewritten("DATE_TRUNC('day', ts)")).isEqualTo("FLOOR(`TS` TO DAY)");
        assertThat(rewritten("date_trunc('Months', ts)")).isEqualTo("FLOOR(`TS` TO MONTH)");
        assertThat(rewritten("DATE_TRUNC('week', ts)")).isEqualTo("FLOOR(`TS` TO `ISOWEEK`)");
        assertThat(rewritten("DATE_TRUNC(ts, YEAR)")).isEqualTo("FLOOR(`TS` TO YEAR)");
    }

    @Test
    void refusesADateTruncUnitThatIsNotALiteralOrNotKnown() {
        assertThatThrownBy(() -> rewritten("DATE_TRUNC(ns, ts)")).isInstanceOf(CalciteContextException.class)
                .hasMessage("From line 1, column 19 to line 1, column 20: DATE_TRUNC takes its unit as a literal,"
                        + " e.g. DATE_TRUNC('day', ts); for a unit chosen per row use CASE");
        assertThatThrownBy(() -> rewritten("DATE_TRUNC('fortnight', ts)"))
                .hasMessageContaining("DATE_TRUNC does not know the unit 'fortnight'; use one of microseconds,");
    }

    @Test
    void turnsNowMedianAndPercentilesIntoCalciteCalls() throws SqlParseException {
        assertThat(rewritten("NOW()")).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(rewritten("MEDIAN(pos)")).isEqualTo("`MEDIAN`(`POS`, 0.5, FALSE)");
        assertThat(rewritten("PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY pos DESC)"))
                .isEqualTo("PERCENTILE_CONT(`POS`, 0.9, TRUE)");
        assertThat(rewritten("PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY pos NULLS FIRST)"))
                .isEqualTo("PERCENTILE_DISC(`POS`, 0.5, FALSE)");
    }

    @Test
    void leavesOtherCallsAlone() throws SqlParseException {
        assertThat(rewritten("LISTAGG(ns, ',') WITHIN GROUP (ORDER BY ns)"))
                .isEqualTo("LISTAGG(`NS`, ',') WITHIN GROUP (ORDER BY `NS`)");
        assertThat(rewritten("NOW(1)")).isEqualTo("`NOW`(1)");
        assertThat(rewritten("UPPER(ns)")).isEqualTo("UPPER(`NS`)");
    }
}
