package io.newsflow.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.newsflow.text.entities.NerEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsflow eval-ner}: entity-level precision, recall and F1 of the tagger on a CoNLL-2003 file. */
@Command(name = "eval-ner", mixinStandardHelpOptions = true,
        description = {"Score newsflow's entity tagger on a CoNLL-2003 file (token per line, tag in the last column,",
                "IOB1 or IOB2, -DOCSTART- document breaks): conlleval-style P/R/F1 per type and overall.",
                "The last line is 'F1 <overall>'."})
final class EvalNerCommand implements Callable<Integer> {

    @Option(names = "--conll", required = true, paramLabel = "FILE", description = "The CoNLL-2003 file to score on.")
    Path conll;

    @Option(names = "--baseline", description = "Also score the stock CoreNLP 4-class CRF on the same file, first.")
    boolean baseline;

    @Override
    public Integer call() throws Exception {
        if (!Files.isReadable(conll)) {
            throw new UserFacingException("cannot read " + conll);
        }
        System.out.println(NerEvaluation.run(conll, baseline));
        return 0;
    }
}
