#include "widgets/message_texts.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QRegularExpression>
#include <QStringList>

#include <vector>

#include "widgets/column_type_text.h"

namespace kiln {
namespace widgets {

namespace {

constexpr const char* kContext = "kiln::widgets::Messages";

struct Pattern {
    QRegularExpression english;  // anchored; its groups are %1, %2 … of the source
    const char* source;          // what translators see (QT_TRANSLATE_NOOP below)
    bool nested = false;         // its parts may be messages themselves ("step 'x' failed: WHY")
};

Pattern pattern(const char* regex, const char* source) {
    return {QRegularExpression(QStringLiteral("^") + QString::fromUtf8(regex) + QStringLiteral("$")), source};
}

// A message whose parts are said again in the language chosen when they are known messages.
Pattern nestedPattern(const char* regex, const char* source) {
    Pattern p = pattern(regex, source);
    p.nested = true;
    return p;
}

// The known messages, the most specific first.
const std::vector<Pattern>& patterns() {
    static const std::vector<Pattern> all = {
        // Jobs (titles and last words; Studio makes them in English).
        pattern("Import folder (.+)", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "Import folder %1")),
        pattern("Import (.+) from a database",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "Import %1 from a database")),
        pattern("Refresh (.+) from its source",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "Refresh %1 from its source")),
        pattern("Unchanged: (\\S+) is what its source holds \\((\\d+) rows\\)",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "Unchanged: %1 is what its source holds (%2 rows)")),
        pattern("Import (.+)", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "Import %1")),
        pattern("Imported (\\S+): (\\d+) rows", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "Imported %1: %2 rows")),
        pattern("Already imported as (\\S+) \\((\\d+) rows\\)",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "Already imported as %1 (%2 rows)")),
        pattern("Training run (\\S+)", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "Training run %1")),
        pattern("Sweep on (.+)", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "Sweep on %1")),
        pattern("Export (.+) to ONNX", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "Export %1 to ONNX")),
        pattern("Register (\\S+) as model (.+)", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "Register %1 as model %2")),
        pattern("Predict (\\S+) on (.+)", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "Predict %1 on %2")),
        pattern("Serve (\\S+)", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "Serve %1")),
        // What a file reader left out or changed (the import preview's notes).
        pattern("nested column '(.+)' \\(a list\\) left out",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "nested column '%1' (a list) left out")),
        pattern("nested column '(.+)' \\(a map\\) left out",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "nested column '%1' (a map) left out")),
        pattern("nested column '(.+)' \\(a struct\\) left out",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "nested column '%1' (a struct) left out")),
        pattern("nested column '(.+)' \\(a repeated group\\) left out",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "nested column '%1' (a repeated group) left out")),
        pattern("nested column '(.+)' \\(a repeated field\\) left out",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "nested column '%1' (a repeated field) left out")),
        pattern("(\\d+) cells? held an Excel error and read as missing \\(the first: (.+)\\)",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages",
                                  "%1 cells held an Excel error and read as missing (the first: %2)")),
        pattern("(\\d+) date cells? with no calendar date \\(Excel's 1900-02-29, or out of range\\) read as missing",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages",
                                  "%1 date cells with no calendar date (Excel's 1900-02-29, or out of range) read as missing")),
        pattern("dates in the 1904 date system",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "dates in the 1904 date system")),
        // kiln serve's answers to bad requests, as Serve…'s last requests list them.
        pattern("the request lacks the columns? (.+) that the model takes as input",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "the request lacks the columns %1 that the model takes as input")),
        pattern("row (\\d+), column '(.+)': (.+) is not a number",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "row %1, column '%2': %3 is not a number")),
        pattern("the body is not valid JSON", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "the body is not valid JSON")),
        pattern("stopped", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "stopped")),
        pattern("Verify workspace objects", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "Verify workspace objects")),
        pattern("epoch (\\d+)", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "epoch %1")),
        pattern("done", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "done")),
        pattern("starting", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "starting")),
        pattern("predicting", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "predicting")),
        pattern("registered", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "registered")),
        pattern("exporting, verifying and evaluating",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "exporting, verifying and evaluating")),
        // Export, verification and prediction (core/export).
        pattern("loading run (\\S+)", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "loading run %1")),
        pattern("writing (.+)", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "writing %1")),
        pattern("verifying on (\\d+) held-out rows",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "verifying on %1 held-out rows")),
        pattern("verifying on (\\d+) training rows",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "verifying on %1 training rows")),
        pattern("columns the model does not use were ignored: (.+)",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "columns the model does not use were ignored: %1")),
        pattern("the folder (.+) does not exist", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "the folder %1 does not exist")),
        // Pipeline runs and their steps (core/pipeline: the runner's and the plan's words).
        pattern("Pipeline (.+)", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "Pipeline %1")),
        pattern("completed", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "completed")),
        nestedPattern("step '(.+?)' failed: (.+)", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "step '%1' failed: %2")),
        pattern("no new data", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "no new data")),
        pattern("skipped: no new data", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "skipped: no new data")),
        pattern("skipped: an earlier step failed",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "skipped: an earlier step failed")),
        nestedPattern("skipped: (.+)", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "skipped: %1")),
        nestedPattern("refused: (.+)", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "refused: %1")),
        pattern("it never ran", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "it never ran")),
        pattern("its key changed", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "its key changed")),
        pattern("unchanged since run (\\d+)", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "unchanged since run %1")),
        nestedPattern("it failed in run (\\d+): (.+)", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "it failed in run %1: %2")),
        pattern("its settings changed \\((.+)\\)", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "its settings changed (%1)")),
        pattern("the newest file is now (.+) \\(was (.+)\\)",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "the newest file is now %1 (was %2)")),
        pattern("files were added, removed or changed in (.+)",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "files were added, removed or changed in %1")),
        pattern("the production model changed \\((.+) → (.+)\\)",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "the production model changed (%1 → %2)")),
        pattern("the trained model changed \\(run (.+) → (.+)\\)",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "the trained model changed (run %1 → %2)")),
        pattern("the reference data changed \\((.+) → (.+)\\)",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "the reference data changed (%1 → %2)")),
        nestedPattern("its output is gone \\((.+)\\): made again",
                      QT_TRANSLATE_NOOP("kiln::widgets::Messages", "its output is gone (%1): made again")),
        // Hosts (core/remote): what follows "ssh:" is OpenSSH's own line, shown as it said it.
        pattern("cannot reach (\\S+) over SSH: (.+)",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "cannot reach %1 over SSH: %2")),
        pattern("cannot reach (\\S+) over SSH", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "cannot reach %1 over SSH")),
        // Devices (core/train/trainer).
        pattern("CUDA is not available: this LibTorch was built without CUDA \\(Debian's CPU build\\)",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages",
                                  "CUDA is not available: this LibTorch was built without CUDA (Debian's CPU build)")),
        pattern("CUDA is not available: no CUDA device is visible to LibTorch",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "CUDA is not available: no CUDA device is visible to LibTorch")),
        pattern("CUDA is available; using the first GPU",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "CUDA is available; using the first GPU")),
        pattern("the CPU was requested", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "the CPU was requested")),
        // Notes of a run spec resolved by core (core/train/run_spec, core/runs/launcher).
        pattern("task classification chosen from target '(.+)' \\((\\w+)\\)",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "task classification chosen from target '%1' (%2)")),
        pattern("task regression chosen from target '(.+)' \\((\\w+)\\)",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "task regression chosen from target '%1' (%2)")),
        pattern("model auto: the family \\(linear, MLP, boosted trees or forest\\) is chosen by "
                "cross-validation on the training rows when the run starts",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages",
                                  "model auto: the family (linear, MLP, boosted trees or forest) is chosen by "
                                  "cross-validation on the training rows when the run starts")),
        pattern("left out column '(.+)': it is free text",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "left out column '%1': it is free text")),
        pattern("left out column '(.+)': it looks like an ID \\(unique integers\\)",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "left out column '%1': it looks like an ID (unique integers)")),
        pattern("left out column '(.+)': it looks like an ID \\(a distinct category on most rows\\)",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages",
                                  "left out column '%1': it looks like an ID (a distinct category on most rows)")),
        pattern("left out column '(.+)': it is constant",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "left out column '%1': it is constant")),
        pattern("left out column '(.+)': excluded", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "left out column '%1': excluded")),
        pattern("target '(.+)' chosen by its name", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "target '%1' chosen by its name")),
        // Validation findings (core/data/validation).
        pattern("every value is missing", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "every value is missing")),
        pattern("(\\S+) of values are missing: as the target those rows are left out of training; as a "
                "feature the cells are filled \\(or, for trees, kept\\)",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages",
                                  "%1 of values are missing: as the target those rows are left out of training; "
                                  "as a feature the cells are filled (or, for trees, kept)")),
        pattern("(\\S+) of values are missing", QT_TRANSLATE_NOOP("kiln::widgets::Messages", "%1 of values are missing")),
        pattern("has a single value: it carries no information",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "has a single value: it carries no information")),
        pattern("every value is different: looks like an identifier, not a feature",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "every value is different: looks like an identifier, not a feature")),
        pattern("(\\d+) distinct values: encode as text or drop before training",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "%1 distinct values: encode as text or drop before training")),
        pattern("(\\d+) \\(estimated\\) distinct values: encode as text or drop before training",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages",
                                  "about %1 distinct values: encode as text or drop before training")),
        pattern("1 value \\((\\S+)\\) lies beyond 1\\.5 IQR of the quartiles \\((\\d+) low, (\\d+) high\\)",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "1 value (%1) lies beyond 1.5 IQR of the quartiles (%2 low, %3 high)")),
        pattern("(\\d+) values \\((\\S+)\\) lie beyond 1\\.5 IQR of the quartiles \\((\\d+) low, (\\d+) high\\)",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages",
                                  "%1 values (%2) lie beyond 1.5 IQR of the quartiles (%3 low, %4 high)")),
        pattern("1 row \\((\\S+)\\) repeats an earlier row; first: row (\\d+) equals row (\\d+)",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages", "1 row (%1) repeats an earlier row; first: row %2 equals row %3")),
        pattern("(\\d+) rows \\((\\S+)\\) repeat an earlier row; first: row (\\d+) equals row (\\d+)",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages",
                                  "%1 rows (%2) repeat an earlier row; first: row %3 equals row %4")),
        pattern("class imbalance: '(.+)' has (\\d+) rows, '(.+)' has (\\d+) \\(ratio (\\S+)\\); consider class "
                "weights or stratified splits",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages",
                                  "class imbalance: '%1' has %2 rows, '%3' has %4 (ratio %5); consider class weights "
                                  "or stratified splits")),
        // The environment report (core/env).
        pattern("this LibTorch build has no CUDA support \\(Debian's libtorch is CPU-only; point "
                "CMAKE_PREFIX_PATH at a CUDA LibTorch to use a GPU\\)",
                QT_TRANSLATE_NOOP("kiln::widgets::Messages",
                                  "this LibTorch build has no CUDA support (Debian's libtorch is CPU-only; point "
                                  "CMAKE_PREFIX_PATH at a CUDA LibTorch to use a GPU)")),
    };
    return all;
}

// A part put back into a message: a column type as core names it is said in the language chosen.
QString part(const QString& text) {
    static const QStringList types = {QStringLiteral("integer"), QStringLiteral("float"), QStringLiteral("boolean"),
                                      QStringLiteral("date"), QStringLiteral("datetime"), QStringLiteral("categorical"),
                                      QStringLiteral("text")};
    return types.contains(text) ? columnTypeText(text) : text;
}

}  // namespace

QString localMessage(const QString& english) {
    // Which pattern a message is, and its parts, found once: the Jobs dock asks on every repaint.
    struct Found {
        int pattern = -1;
        QStringList parts;
    };
    static QMutex mutex;
    static QHash<QString, Found> known;
    Found found;
    {
        const QMutexLocker lock(&mutex);
        auto it = known.constFind(english);
        if (it != known.constEnd()) {
            found = *it;
        } else {
            const std::vector<Pattern>& all = patterns();
            for (int p = 0; p < int(all.size()) && found.pattern < 0; ++p) {
                const QRegularExpressionMatch m = all[std::size_t(p)].english.match(english);
                if (!m.hasMatch()) continue;
                found.pattern = p;
                for (int i = 1; i <= m.lastCapturedIndex(); ++i) found.parts << m.captured(i);
            }
            if (known.size() > 4096) known.clear();  // names and numbers vary: keep it bounded
            known.insert(english, found);
        }
    }
    if (found.pattern < 0) {
        // An error as core writes it, "MESSAGE (WHERE)": the message said again, the place kept.
        const int open = english.lastIndexOf(QStringLiteral(" ("));
        if (open > 0 && english.endsWith(QLatin1Char(')'))) {
            const QString head = english.left(open);
            const QString local = localMessage(head);
            if (local != head) return local + english.mid(open);
        }
        return english;
    }
    const QString text = QCoreApplication::translate(kContext, patterns()[std::size_t(found.pattern)].source);
    QStringList parts;
    const bool nested = patterns()[std::size_t(found.pattern)].nested;
    for (const QString& raw : found.parts) parts << (nested ? localMessage(raw) : part(raw));  // in the language chosen now
    switch (parts.size()) {  // one pass: a part's own "%1" stays as it is
        case 0: return text;
        case 1: return text.arg(parts[0]);
        case 2: return text.arg(parts[0], parts[1]);
        case 3: return text.arg(parts[0], parts[1], parts[2]);
        case 4: return text.arg(parts[0], parts[1], parts[2], parts[3]);
        default: return text.arg(parts[0], parts[1], parts[2], parts[3], parts[4]);
    }
}

}  // namespace widgets
}  // namespace kiln
