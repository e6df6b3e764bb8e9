package io.gatos.sql.server.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusReportTest {
    static final CorpusCase COUNT = new CorpusCase("a.test", 3, CorpusCase.Kind.QUERY, "SELECT COUNT(*) AS n\nFROM events",
            List.of("n BIGINT", "7"), 5, 8);
    static final CorpusCase NEW = new CorpusCase("b.test", 9, CorpusCase.Kind.ERROR, "SELECT nope", List.of(), 10, 10);

    @Test
    void keepsOnlyWrongOutcomes() {
        CorpusReport report = new CorpusReport();
        report.countCase();
        report.check(COUNT, "embedded cache=false", new Outcome(false, List.of("n BIGINT", "7")));

        assertThat(report.mismatches()).isEmpty();
        assertThat(report.summary()).isEqualTo("1 cases, 0 wrong outcomes in 0 cases");
        assertThat(report.render()).isEqualTo("1 cases, 0 wrong outcomes in 0 cases\n");
    }

    @Test
    void listsEveryWrongOutcomeByCaseGroupingWaysThatAgree() {
        CorpusReport report = new CorpusReport();
        report.countCase();
        report.countCase();
        report.check(COUNT, "embedded cache=false", new Outcome(false, List.of("n BIGINT", "7")));
        report.check(COUNT, "embedded cache=on", new Outcome(true, List.of("Error while applying rule X")));
        report.check(COUNT, "remote cache=on", new Outcome(true, List.of("Error while applying rule X")));
        report.check(NEW, "remote cache=false", new Outcome(true, List.of("Column 'nope' not found in any table")));

        assertThat(report.mismatches()).extracting(CorpusReport.Mismatch::way)
                .containsExactly("embedded cache=on", "remote cache=on", "remote cache=false");
        assertThat(report.summary()).isEqualTo("2 cases, 3 wrong outcomes in 2 cases");
        assertThat(report.render()).isEqualTo("""
                2 cases, 3 wrong outcomes in 2 cases

                === a.test:3 (query) SELECT COUNT(*) AS n
                --- expected
                rows:
                n BIGINT
                7
                --- actual, embedded cache=on, remote cache=on
                error:
                Error while applying rule X

                === b.test:9 (error) SELECT nope
                --- expected
                (nothing recorded: run with -Dcorpus.record=new)
                --- actual, remote cache=false
                error:
                Column 'nope' not found in any table
                """);
    }

    @Test
    void knownWrongCasesPassWhileEveryWayGivesTheSameWrongAnswerAndFailOnceRight() {
        CorpusCase known = new CorpusCase("w.test", 4, CorpusCase.Kind.KNOWN_WRONG, "SELECT x", List.of("x BIGINT",
                "2"), 6, 9);
        Outcome wrong = new Outcome(false, List.of("x BIGINT", "1"));
        CorpusReport alike = new CorpusReport();
        alike.countCase();
        alike.checkKnownWrong(known, "embedded cache=false", wrong, wrong);
        alike.checkKnownWrong(known, "remote cache=on", new Outcome(false, List.of("x BIGINT", "1")), wrong);
        assertThat(alike.mismatches()).isEmpty();
        assertThat(alike.summary()).isEqualTo("1 cases, 0 wrong outcomes in 0 cases; 1 known-wrong cases still wrong,"
                + " alike in every way: w.test:4");

        CorpusReport differ = new CorpusReport();
        differ.checkKnownWrong(known, "remote cache=on", new Outcome(true, List.of("boom")), wrong);
        assertThat(differ.mismatches()).extracting(CorpusReport.Mismatch::way).containsExactly("remote cache=on");

        Outcome right = new Outcome(false, List.of("x BIGINT", "2"));
        CorpusReport fixed = new CorpusReport();
        fixed.checkKnownWrong(known, "embedded cache=false", right, right);
        fixed.checkKnownWrong(known, "embedded cache=on", new Outcome(false, List.of("x BIGINT", "2")), right);
        assertThat(fixed.mismatches()).hasSize(1);
        assertThat(fixed.render()).contains("=== w.test:4 (query known-wrong) SELECT x\n"
                + "now gives its expected block: change the header to 'query'\n");
    }
}
