#pragma once

#include <QJsonObject>
#include <QRectF>
#include <QString>
#include <QVector>
#include <QWidget>

class QComboBox;
class QLabel;
class QScrollArea;

namespace kiln {
namespace widgets {

class DecisionTreeCanvas;

// The tree of a decision-tree run, drawn from report.json's "tree" so a person can read it: one
// box per node — a split says "Ozone < 31.5" and how many training rows reached it, a leaf its
// value (P(class) for classification, the target's value for regression) and its rows — with the
// edges labelled yes (the value is below the threshold) and no, and the branch missing values take
// marked. Leaves are tinted by their value. The tree is laid out top-down (each split centred over
// its children, no two boxes overlapping) in a scroll area; a multi-class model has one tree per
// class and a selector picks it.
class DecisionTreeView : public QWidget {
    Q_OBJECT
public:
    explicit DecisionTreeView(QWidget* parent = nullptr);

    // `report` is report.json; one without "tree" shows nothing (hasTree() false).
    void setReport(const QJsonObject& report);
    bool hasTree() const;
    int treeCount() const;
    int currentTree() const;
    void setCurrentTree(int index);
    QComboBox* classBox() const { return m_classBox; }
    QScrollArea* scrollArea() const { return m_scroll; }
    // The drawn tree (its full size, larger than the scroll area's view when wide).
    QWidget* canvas() const;

    // What the tree shown draws, for tests: its nodes, the text in node `id`'s box (lines joined
    // by '\n'), the label on the edge from `parent` to its yes or no child, node boxes.
    int nodeCount() const;
    QString nodeText(int id) const;
    QString edgeText(int parent, bool yes) const;
    QRectF nodeRect(int id) const;
    // Pairs of node boxes that overlap (0 in a readable drawing).
    int overlappingBoxes() const;

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void showTree();
    void centreOnRoot();
    void retranslateUi();

    QJsonObject m_report;
    bool m_centre = false;  // centre on the root when next shown
    QLabel* m_classLabel;
    QComboBox* m_classBox;
    QLabel* m_caption;
    QScrollArea* m_scroll;
    DecisionTreeCanvas* m_canvas;
};

}  // namespace widgets
}  // namespace kiln
