#include "language_check.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTabBar>
#include <QTextDocument>
#include <QTreeWidget>

#include <algorithm>

namespace kiln::test {

namespace {

// Words a Korean screen may show in Latin letters: names of things, units, abbreviations.
const std::set<QString> kKeptInLatin = {
    QStringLiteral("kiln"),    QStringLiteral("studio"),  QStringLiteral("onnx"),   QStringLiteral("cpu"),
    QStringLiteral("gpu"),     QStringLiteral("cuda"),    QStringLiteral("mlp"),    QStringLiteral("relu"),
    QStringLiteral("gelu"),    QStringLiteral("tanh"),    QStringLiteral("adam"),   QStringLiteral("adamw"),
    QStringLiteral("sgd"),     QStringLiteral("roc"),     QStringLiteral("auc"),    QStringLiteral("xgboost"),
    QStringLiteral("csv"),     QStringLiteral("tsv"),     QStringLiteral("utf"),    QStringLiteral("png"),
    QStringLiteral("svg"),     QStringLiteral("json"),    QStringLiteral("ssh"),    QStringLiteral("sha"),
    QStringLiteral("iqr"),     QStringLiteral("rmse"),    QStringLiteral("mae"),    QStringLiteral("pca"),
    QStringLiteral("lbfgs"),   QStringLiteral("ctrl"),    QStringLiteral("shift"),  QStringLiteral("del"),
    QStringLiteral("esc"),     QStringLiteral("runtime"), QStringLiteral("pytorch"), QStringLiteral("libtorch"),
    QStringLiteral("opencv"),  QStringLiteral("openblas"), QStringLiteral("cc0"),   QStringLiteral("bsd"),
    QStringLiteral("scikit-learn"), QStringLiteral("uci"), QStringLiteral("palmer"), QStringLiteral("penguins"),
    QStringLiteral("kib"),     QStringLiteral("mib"),     QStringLiteral("gib"),     QStringLiteral("cnn"),
    QStringLiteral("debian"),  QStringLiteral("psi"),  QStringLiteral("blas"),  QStringLiteral("sqlite"),  QStringLiteral("torch"),
    QStringLiteral("parquet"), QStringLiteral("excel"), QStringLiteral("postgresql"), QStringLiteral("pgpass"),
    QStringLiteral("pgpassword"),  QStringLiteral("cmake_prefix_path"),
};

}  // namespace

const std::set<QString>& keptInLatin() { return kKeptInLatin; }

// Every text a person reads in the visible widgets under `root`: labels, buttons, tabs, group
// titles, combo boxes, line edits, item views (headers and the first rows), charts, menus.
QStringList visibleTexts(QWidget* root) {
    QStringList texts;
    auto plain = [](const QString& text) {
        if (!Qt::mightBeRichText(text)) return text;
        QTextDocument doc;
        doc.setHtml(text);
        return doc.toPlainText();
    };
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* w : widgets) {
        if (!w->isVisibleTo(root) && w != root) continue;
        if (auto* l = qobject_cast<QLabel*>(w)) texts << plain(l->text());
        if (auto* b = qobject_cast<QAbstractButton*>(w)) texts << b->text();
        if (auto* g = qobject_cast<QGroupBox*>(w)) texts << g->title();
        if (auto* c = qobject_cast<QComboBox*>(w)) texts << c->currentText();
        // The row filter's example is written in its syntax, which stays English (and, contains).
        if (auto* e = qobject_cast<QLineEdit*>(w); e && e->text().isEmpty() && e->objectName() != QLatin1String("rowFilter"))
            texts << e->placeholderText();
        if (auto* t = qobject_cast<QTabBar*>(w))
            for (int i = 0; i < t->count(); ++i) texts << t->tabText(i);
        if (auto* v = qobject_cast<QAbstractItemView*>(w); v && v->model()) {
            QAbstractItemModel* m = v->model();
            for (int c = 0; c < m->columnCount(); ++c) texts << m->headerData(c, Qt::Horizontal).toString();
            for (int r = 0; r < std::min(m->rowCount(), 12); ++r)
                for (int c = 0; c < m->columnCount(); ++c) texts << m->index(r, c).data().toString();
        }
        if (auto* tree = qobject_cast<QTreeWidget*>(w)) {
            QTreeWidgetItemIterator it(tree);
            for (; *it; ++it)
                if (!(*it)->isHidden()) texts << (*it)->text(0);
        }
        if (auto* chart = qobject_cast<QChartView*>(w)) {
            texts << chart->chart()->title();
            for (QAbstractAxis* axis : chart->chart()->axes()) texts << axis->titleText();
        }
        if (auto* bar = qobject_cast<QMenuBar*>(w))
            for (QAction* a : bar->actions()) texts << a->text();
    }
    return texts;
}

// The words of `texts` in Latin letters that are neither a name the session used nor kept in
// Latin on purpose: what a Korean reader would meet in English.
QStringList englishWords(const QStringList& texts, const std::set<QString>& names) {
    QStringList found;
    static const QRegularExpression sshSays(QStringLiteral("ssh: .*$"), QRegularExpression::MultilineOption);
    static const QRegularExpression pathLike(QStringLiteral("[^\\s]*[/@][^\\s]*"));
    // A word starts where no letter or digit comes before it ("7dbb" of a run id is no word).
    static const QRegularExpression word(QStringLiteral("(?<![A-Za-z0-9_])[A-Za-z][A-Za-z_.0-9-]*"));
    for (QString text : texts) {
        text.remove(pathLike);  // file paths, NAME@VERSION
        text.remove(sshSays);   // OpenSSH's own line, quoted after "ssh:" as it said it
        auto it = word.globalMatch(text);
        while (it.hasNext()) {
            const QString w = it.next().captured();
            const QString lower = w.toLower();
            const bool identifier = w.contains(QLatin1Char('_')) || w.contains(QLatin1Char('.')) ||
                                    w.contains(QRegularExpression(QStringLiteral("[0-9]")));
            if (w.size() < 3 || identifier || kKeptInLatin.count(lower) || names.count(lower)) continue;
            if (!found.contains(w + QStringLiteral(" «") + text.left(80) + QStringLiteral("»")))
                found << w + QStringLiteral(" «") + text.left(80) + QStringLiteral("»");
        }
    }
    return found;
}

}  // namespace kiln::test
