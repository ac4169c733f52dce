#include "widgets/decision_tree_view.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHash>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace kiln {
namespace widgets {

namespace {

constexpr int kMargin = 16;
constexpr int kHorizontalGap = 18;

// Four significant digits: "15.87", "-1.059"; a person reads the split, not the float's bits.
QString numberText(double value) {
    return QLocale::c().toString(value, 'g', 4);
}

// A one-hot column ("colour=blue", 0 or 1) split between 0 and 1: the yes side is "not blue".
bool isOneHotSplit(const QString& feature, double threshold) {
    return feature.contains(QLatin1Char('=')) && threshold > 0 && threshold <= 1;
}

}  // namespace

// Lays out and paints one tree.
class DecisionTreeCanvas : public QWidget {
public:
    struct Node {
        int id = -1;
        bool leaf = false;
        QString feature;
        double threshold = 0;
        bool missingLeft = true;
        int left = -1, right = -1;
        double value = 0;  // leaves: what a person reads
        qint64 samples = 0;
        QStringList lines;  // the box's text
        QRectF rect;
    };

    // The words of the drawing, in the current language (from the view's tr()).
    struct Texts {
        QString valueLabel;  // "P(yes)", "value"
        QString leaf;        // "%1 = %2"
        QString split;       // "%1 < %2"
        QString notEqual;    // "%1 ≠ %2": a one-hot column's split
        QString rows;        // "%1 rows"
        QString yes, no, yesMissing, noMissing;
    };

    explicit DecisionTreeCanvas(QWidget* parent) : QWidget(parent) {
        setAutoFillBackground(true);
        QPalette p = palette();
        p.setColor(QPalette::Window, Qt::white);
        setPalette(p);
    }

    // `probability`: leaf values are probabilities in [0, 1].
    void setTree(const QJsonArray& nodes, const Texts& texts, bool probability) {
        m_nodes.clear();
        m_texts = texts;
        m_probability = probability;
        m_root = -1;
        for (const QJsonValue& v : nodes) {
            const QJsonObject o = v.toObject();
            Node n;
            n.id = o.value(QLatin1String("id")).toInt(-1);
            n.leaf = o.contains(QLatin1String("leaf")) || !o.contains(QLatin1String("feature"));
            n.feature = o.value(QLatin1String("feature")).toString();
            n.threshold = o.value(QLatin1String("threshold")).toDouble();
            n.missingLeft = o.value(QLatin1String("missing")).toString() != QLatin1String("right");
            n.left = o.value(QLatin1String("left")).toInt(-1);
            n.right = o.value(QLatin1String("right")).toInt(-1);
            n.value =
                o.value(QLatin1String("value")).toDouble(o.value(QLatin1String("leaf")).toDouble());
            n.samples = qint64(o.value(QLatin1String("samples")).toDouble());
            const QString rows = texts.rows.arg(QLocale().toString(n.samples));
            n.lines = n.leaf
                          ? QStringList{texts.leaf.arg(texts.valueLabel, valueText(n.value)), rows}
                          : QStringList{splitText(n, texts), rows};
            if (o.value(QLatin1String("depth")).toInt(-1) == 0) m_root = n.id;
            m_nodes.insert(n.id, n);
        }
        if (m_root < 0 && m_nodes.contains(0)) m_root = 0;
        if (m_root < 0 && !m_nodes.isEmpty()) m_root = m_nodes.begin().key();
        leafRange();
        layoutNodes();
        update();
    }

    const QHash<int, Node>& nodes() const { return m_nodes; }

    QString edgeText(int parent, bool yes) const {
        const Node* n = find(parent);
        if (!n || n->leaf) return {};
        const bool missing = yes == n->missingLeft;
        if (yes) return missing ? m_texts.yesMissing : m_texts.yes;
        return missing ? m_texts.noMissing : m_texts.no;
    }

    QSize sizeHint() const override { return m_size; }
    QSize minimumSizeHint() const override { return m_size; }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        for (const Node& n : m_nodes)
            if (!n.leaf) {
                paintEdge(p, n, n.left, true);
                paintEdge(p, n, n.right, false);
            }
        for (const Node& n : m_nodes) paintNode(p, n);
    }

private:
    static QString splitText(const Node& n, const Texts& texts) {
        if (!isOneHotSplit(n.feature, n.threshold))
            return texts.split.arg(n.feature, numberText(n.threshold));
        const int at = n.feature.indexOf(QLatin1Char('='));
        return texts.notEqual.arg(n.feature.left(at), n.feature.mid(at + 1));
    }

    const Node* find(int id) const {
        auto it = m_nodes.find(id);
        return it == m_nodes.end() ? nullptr : &it.value();
    }

    QString valueText(double value) const {
        return m_probability ? QString::number(value, 'f', 3) : QLocale().toString(value, 'g', 5);
    }

    void leafRange() {
        m_lo = INFINITY;
        m_hi = -INFINITY;
        for (const Node& n : m_nodes)
            if (n.leaf) {
                m_lo = std::min(m_lo, n.value);
                m_hi = std::max(m_hi, n.value);
            }
    }

    // Leaves take slots left to right; a split sits over the middle of its children.
    double place(int id, int depth, double& nextSlot, QSet<int>& seen) {
        auto it = m_nodes.find(id);
        if (it == m_nodes.end() || seen.contains(id)) return -1;
        seen.insert(id);
        Node& n = it.value();
        double x;
        const double l = n.leaf ? -1 : place(n.left, depth + 1, nextSlot, seen);
        const double r = n.leaf ? -1 : place(n.right, depth + 1, nextSlot, seen);
        Node& self = m_nodes[id];  // the recursion may rehash: look it up again
        if (l < 0 && r < 0)
            x = nextSlot++ * (m_box.width() + kHorizontalGap);
        else if (l < 0 || r < 0)
            x = std::max(l, r);
        else
            x = (l + r) / 2;
        self.rect = QRectF(QPointF(kMargin + x, kMargin + depth * (m_box.height() + m_gap)), m_box);
        m_depth = std::max(m_depth, depth);
        return x;
    }

    void layoutNodes() {
        const QFontMetrics fm = fontMetrics();
        int width = 0;
        for (const Node& n : m_nodes)
            for (const QString& line : n.lines) width = std::max(width, fm.horizontalAdvance(line));
        for (const QString& label : {m_texts.yesMissing, m_texts.noMissing})
            width = std::max(width, fm.horizontalAdvance(label));
        m_box = QSizeF(width + 20, 2 * fm.height() + 12);
        m_gap = 2 * fm.height() + 16;  // room for the edge labels
        double slots = 0;
        QSet<int> seen;
        m_depth = 0;
        if (m_root >= 0) place(m_root, 0, slots, seen);
        m_size = QSize(int(2 * kMargin + std::max(1.0, slots) * (m_box.width() + kHorizontalGap)),
                       int(2 * kMargin + (m_depth + 1) * (m_box.height() + m_gap)));
        setMinimumSize(m_size);
        resize(m_size);
        updateGeometry();
    }

    QColor fillFor(const Node& n) const {
        if (!n.leaf) return QColor(0xf1, 0xf3, 0xf4);
        const double t = m_probability ? std::clamp(n.value, 0.0, 1.0)
                         : m_hi > m_lo ? (n.value - m_lo) / (m_hi - m_lo)
                                       : 0.5;
        // White to the house blue (regression) or green (a class's probability).
        const QColor to = m_probability ? QColor(0x81, 0xc9, 0x95) : QColor(0x8a, 0xb4, 0xf8);
        return QColor(int(255 + (to.red() - 255) * t), int(255 + (to.green() - 255) * t),
                      int(255 + (to.blue() - 255) * t));
    }

    void paintNode(QPainter& p, const Node& n) const {
        if (n.rect.isNull()) return;
        p.setPen(QPen(n.leaf ? QColor(0x5f, 0x63, 0x68) : QColor(0x9a, 0xa0, 0xa6), 1));
        p.setBrush(fillFor(n));
        p.drawRoundedRect(n.rect, 5, 5);
        const QFontMetrics fm = fontMetrics();
        QFont bold = font();
        bold.setBold(true);
        QRectF line = n.rect.adjusted(4, 6, -4, 0);
        line.setHeight(fm.height());
        p.setPen(QColor(0x20, 0x21, 0x24));
        p.setFont(bold);
        p.drawText(line, Qt::AlignCenter, n.lines.value(0));
        p.setFont(font());
        p.setPen(QColor(0x3c, 0x40, 0x43));
        p.drawText(line.translated(0, fm.height()), Qt::AlignCenter, n.lines.value(1));
    }

    void paintEdge(QPainter& p, const Node& parent, int childId, bool yes) const {
        const Node* child = find(childId);
        if (!child || child->rect.isNull()) return;
        const QPointF from(parent.rect.center().x(), parent.rect.bottom());
        const QPointF to(child->rect.center().x(), child->rect.top());
        const bool missing = yes == parent.missingLeft;
        p.setPen(QPen(QColor(0x80, 0x86, 0x8b), 1.3));
        p.drawLine(from, to);
        // The label sits on the edge just above the child, on a white patch: children are a box
        // apart, and a box is wider than any label, so labels never overlap.
        const QString text = edgeText(parent.id, yes);
        const QFontMetrics fm = fontMetrics();
        const double t = 1.0 - (fm.height() * 0.9) / std::max(1.0, to.y() - from.y());
        const QPointF at = from + (to - from) * t;
        QRectF box(0, 0, fm.horizontalAdvance(text) + 8, fm.height() + 2);
        box.moveCenter(at);
        p.setPen(Qt::NoPen);
        p.setBrush(Qt::white);
        p.drawRect(box);
        p.setPen(missing ? QColor(0xb0, 0x60, 0x00) : QColor(0x3c, 0x40, 0x43));
        p.drawText(box, Qt::AlignCenter, text);
    }

    QHash<int, Node> m_nodes;
    Texts m_texts;
    int m_root = -1;
    bool m_probability = false;
    double m_lo = 0, m_hi = 1;
    QSizeF m_box;
    double m_gap = 40;
    int m_depth = 0;
    QSize m_size{200, 100};
};

DecisionTreeView::DecisionTreeView(QWidget* parent)
    : QWidget(parent),
      m_classLabel(new QLabel(this)),
      m_classBox(new QComboBox(this)),
      m_caption(new QLabel(this)),
      m_scroll(new QScrollArea(this)),
      m_canvas(new DecisionTreeCanvas(this)) {
    setObjectName(QStringLiteral("decisionTreeView"));
    m_classBox->setObjectName(QStringLiteral("treeClassBox"));
    m_caption->setObjectName(QStringLiteral("treeCaption"));
    m_caption->setWordWrap(true);
    m_caption->setStyleSheet(QStringLiteral("color: #5f6670;"));
    m_scroll->setObjectName(QStringLiteral("treeScrollArea"));
    m_scroll->setWidget(m_canvas);
    m_scroll->setWidgetResizable(false);
    m_scroll->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_scroll->setBackgroundRole(QPalette::Base);
    auto* top = new QHBoxLayout;
    top->addWidget(m_classLabel);
    top->addWidget(m_classBox);
    top->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(top);
    layout->addWidget(m_caption);
    layout->addWidget(m_scroll, 1);
    connect(m_classBox, &QComboBox::currentIndexChanged, this, &DecisionTreeView::showTree);
    retranslateUi();
}

void DecisionTreeView::setReport(const QJsonObject& report) {
    m_report = report;
    const QJsonArray trees =
        report.value(QLatin1String("tree")).toObject().value(QLatin1String("trees")).toArray();
    {
        const QSignalBlocker blocker(m_classBox);
        m_classBox->clear();
        for (const QJsonValue& t : trees)
            m_classBox->addItem(t.toObject().value(QLatin1String("class")).toVariant().toString());
        m_classBox->setCurrentIndex(trees.isEmpty() ? -1 : 0);
    }
    const bool several = trees.size() > 1;
    m_classLabel->setVisible(several);
    m_classBox->setVisible(several);
    showTree();
}

bool DecisionTreeView::hasTree() const {
    return treeCount() > 0;
}

int DecisionTreeView::treeCount() const {
    return m_classBox->count();
}

int DecisionTreeView::currentTree() const {
    return m_classBox->currentIndex();
}

void DecisionTreeView::setCurrentTree(int index) {
    m_classBox->setCurrentIndex(index);
}

QWidget* DecisionTreeView::canvas() const {
    return m_canvas;
}

void DecisionTreeView::showTree() {
    const QJsonArray trees =
        m_report.value(QLatin1String("tree")).toObject().value(QLatin1String("trees")).toArray();
    const int index = std::max(0, currentTree());
    const QJsonObject tree = trees.at(index).toObject();
    const QJsonObject test = m_report.value(QLatin1String("test")).toObject();
    const bool classification =
        test.value(QLatin1String("task")).toString() == QLatin1String("classification") ||
        tree.value(QLatin1String("class")).isString();
    QString className = tree.value(QLatin1String("class")).toVariant().toString();
    const QJsonArray classes = test.value(QLatin1String("classes")).toArray();
    if (classification && className.isEmpty())  // binary: the value is P(the second class)
        className = classes.size() == 2 ? classes[1].toVariant().toString() : tr("class 1");
    DecisionTreeCanvas::Texts texts;
    texts.valueLabel = classification ? tr("P(%1)").arg(className) : tr("value");
    texts.leaf = tr("%1 = %2");
    texts.split = tr("%1 < %2");
    texts.notEqual = tr("%1 ≠ %2");
    texts.rows = tr("%1 rows");
    texts.yes = tr("yes");
    texts.no = tr("no");
    texts.yesMissing = tr("yes, or missing");
    texts.noMissing = tr("no, or missing");
    m_canvas->setTree(tree.value(QLatin1String("nodes")).toArray(), texts, classification);
    m_centre = !isVisible();
    if (isVisible()) centreOnRoot();
    const QString target = m_report.value(QLatin1String("target")).toString();
    const QString leaves = classification ? tr("the probability that a row is %1").arg(className)
                           : target.isEmpty() ? tr("the predicted value")
                                              : tr("the predicted %1").arg(target);
    m_caption->setText(
        trees.isEmpty()
            ? QString()
            : tr("A row goes down the yes branch when its value is below the threshold, else "
                 "down the no branch; a missing value takes the branch marked “or missing”. Each "
                 "box counts the training rows that reached it; a leaf gives %1.")
                  .arg(leaves));
}

int DecisionTreeView::nodeCount() const {
    return m_canvas->nodes().size();
}

QString DecisionTreeView::nodeText(int id) const {
    auto it = m_canvas->nodes().find(id);
    return it == m_canvas->nodes().end() ? QString() : it->lines.join(QLatin1Char('\n'));
}

QString DecisionTreeView::edgeText(int parent, bool yes) const {
    return m_canvas->edgeText(parent, yes);
}

void DecisionTreeView::centreOnRoot() {
    // A tree wider than the view opens with its root in the middle, not at the left edge.
    QRectF root;
    for (const auto& node : m_canvas->nodes())
        if (root.isNull() || node.rect.top() < root.top()) root = node.rect;
    if (root.isNull()) return;
    const int half = m_scroll->viewport()->width() / 2;
    m_scroll->horizontalScrollBar()->setValue(int(root.center().x()) - half);
    m_scroll->verticalScrollBar()->setValue(0);
}

void DecisionTreeView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_centre) {
        m_centre = false;
        centreOnRoot();
    }
}

QRectF DecisionTreeView::nodeRect(int id) const {
    auto it = m_canvas->nodes().find(id);
    return it == m_canvas->nodes().end() ? QRectF() : it->rect;
}

int DecisionTreeView::overlappingBoxes() const {
    int count = 0;
    const auto& nodes = m_canvas->nodes();
    for (auto a = nodes.begin(); a != nodes.end(); ++a)
        for (auto b = std::next(a); b != nodes.end(); ++b)
            if (a->rect.intersects(b->rect)) ++count;
    return count;
}

void DecisionTreeView::retranslateUi() {
    m_classLabel->setText(tr("Tree for class:"));
    showTree();
}

void DecisionTreeView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace widgets
}  // namespace kiln
