#include "app/studio/predict_dialog.h"

#include "widgets/message_texts.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <sstream>

#include "core/modules/engine_module.h"
#include "core/store/output_file.h"
#include "widgets/message_texts.h"
#include "widgets/recent_folder.h"

namespace kiln {
namespace studio {

PredictionModel::PredictionModel(QObject* parent) : QAbstractTableModel(parent) {}
PredictionModel::~PredictionModel() = default;

void PredictionModel::setTable(std::shared_ptr<const kiln::PredictionTable> table) {
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

int PredictionModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_table ? 0 : int(m_table->rows());
}

int PredictionModel::columnCount(const QModelIndex& parent) const {
    if (parent.isValid() || !m_table) return 0;
    return m_table->classification ? 2 + int(m_table->classes.size()) : 2;
}

QVariant PredictionModel::data(const QModelIndex& index, int role) const {
    if (!m_table || !index.isValid()) return {};
    const auto row = std::size_t(index.row());
    const int col = index.column();
    const bool classification = m_table->classification;
    const bool failed = row < m_table->errors.size() && !m_table->errors[row].empty();
    if (role == Qt::TextAlignmentRole)
        return col == 0 || (classification && col == 1)
                   ? QVariant(int(Qt::AlignLeft | Qt::AlignVCenter))
                        : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    if (role == Qt::FontRole && classification && col == 1) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole) return {};
    if (col == 0) return QString::fromStdString(m_table->ids[row]);
    if (failed && col == 1)  // the row has no prediction: say so, the reason in the tooltip
        return role == Qt::ToolTipRole ? QString::fromStdString(m_table->errors[row])
                                       : tr("no prediction");
    if (failed) return {};
    if (!classification) return role == Qt::EditRole ? QVariant(double(m_table->values[row]))
                                                     : QVariant(QString::number(m_table->values[row], 'g', 6));
    const std::size_t k = m_table->classes.size();
    if (col == 1) {
        const auto label = std::size_t(m_table->labels[row]);
        return label < k ? QString::fromStdString(m_table->classes[label]) : QString::number(label);
    }
    const float p = m_table->probabilities[row * k + std::size_t(col - 2)];
    return role == Qt::EditRole ? QVariant(double(p)) : QVariant(QString::number(p, 'f', 4));
}

QVariant PredictionModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || !m_table) return {};
    if (orientation == Qt::Vertical) return section + 1;
    const bool images = !m_table->ids.empty() && m_table->ids.front().find('/') != std::string::npos;
    if (section == 0) return images ? tr("Image") : tr("Row");
    if (!m_table->classification) return tr("Value");
    if (section == 1) return tr("Label");
    return tr("P(%1)").arg(QString::fromStdString(m_table->classes[std::size_t(section - 2)]));
}

PredictDialog::PredictDialog(const QString& modelTitle, const QString& onnxPath, QWidget* parent)
    : QDialog(parent), m_onnx(onnxPath), m_path(new QLineEdit(this)) {
    setObjectName(QStringLiteral("predictDialog"));
    setWindowTitle(tr("Predict with %1").arg(modelTitle));
    m_path->setObjectName(QStringLiteral("predictDataPath"));
    m_path->setPlaceholderText(tr("A CSV/TSV file or a folder of images"));
    auto* file = new QPushButton(tr("CSV File…"), this);
    auto* folder = new QPushButton(tr("Image Folder…"), this);
    connect(file, &QPushButton::clicked, this, [this] {
        const QString start = m_path->text().isEmpty()
                                  ? kiln::widgets::recentFolder(QStringLiteral("predict"))
                                  : m_path->text();
        const QString f = QFileDialog::getOpenFileName(this, tr("Data to Predict"), start,
                                                       tr("Tables (*.csv *.tsv *.txt);;All files (*)"));
        if (f.isEmpty()) return;
        kiln::widgets::rememberFolder(QStringLiteral("predict"), f);
        setDataPath(f);
    });
    connect(folder, &QPushButton::clicked, this, [this] {
        const QString start = m_path->text().isEmpty()
                                  ? kiln::widgets::recentFolder(QStringLiteral("predict"))
                                  : m_path->text();
        const QString d = QFileDialog::getExistingDirectory(this, tr("Image Folder to Predict"), start);
        if (d.isEmpty()) return;
        kiln::widgets::rememberFolder(QStringLiteral("predict"), QFileInfo(d).absolutePath());
        setDataPath(d);
    });
    auto* row = new QHBoxLayout;
    row->addWidget(m_path, 1);
    row->addWidget(file);
    row->addWidget(folder);
    auto* form = new QFormLayout;
    auto* model = new QLabel(QStringLiteral("<b>%1</b><br><small>%2</small>")
                                 .arg(modelTitle.toHtmlEscaped(), onnxPath.toHtmlEscaped()),
                             this);
    model->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Model"), model);
    form->addRow(tr("Data"), row);
    auto* hint = new QLabel(tr("Columns are matched to the model's inputs by name; missing values "
                               "and unseen categories predict normally."),
                            this);
    hint->setWordWrap(true);
    hint->setEnabled(false);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Predict"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_path, &QLineEdit::textChanged, this, &PredictDialog::update);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    resize(640, sizeHint().height());
    update();
}

QString PredictDialog::dataPath() const { return m_path->text().trimmed(); }
void PredictDialog::setDataPath(const QString& path) { m_path->setText(path); }
void PredictDialog::update() { m_ok->setEnabled(QFileInfo::exists(dataPath())); }

PredictionsView::PredictionsView(const QString& modelTitle, const QString& dataPath,
                                 std::shared_ptr<const kiln::PredictionTable> table, QWidget* parent)
    : QWidget(parent),
      m_title(modelTitle),
      m_data(dataPath),
      m_model(new PredictionModel(this)),
      m_view(new QTableView(this)),
      m_summary(new QLabel(this)),
      m_heading(new QLabel(this)),
      m_warnings(new QLabel(this)),
      m_save(new QPushButton(this)) {
    setObjectName(QStringLiteral("predictionsView"));
    m_model->setTable(std::move(table));
    const kiln::PredictionTable& t = *m_model->table();
    auto* title = m_heading;
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    title->setFont(big);
    m_summary->setObjectName(QStringLiteral("predictionsSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    auto* warnings = m_warnings;
    warnings->setObjectName(QStringLiteral("predictionsWarnings"));
    warnings->setWordWrap(true);
    warnings->setStyleSheet(QStringLiteral("color: #8a5a00;"));
    warnings->setVisible(!t.warnings.empty());
    auto* save = m_save;
    save->setObjectName(QStringLiteral("savePredictionsButton"));
    connect(save, &QPushButton::clicked, this, &PredictionsView::chooseSave);
    m_view->setObjectName(QStringLiteral("predictionsTable"));
    m_view->setModel(m_model);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    for (int c = 0; c < m_model->columnCount(); ++c)
        m_view->setColumnWidth(c, c == 0 ? 110 : 130);
    auto* header = new QHBoxLayout;
    header->addWidget(title);
    header->addStretch(1);
    header->addWidget(save);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 6);
    layout->addLayout(header);
    layout->addWidget(m_summary);
    layout->addWidget(warnings);
    layout->addWidget(m_view, 1);
    retranslateUi();
}

void PredictionsView::retranslateUi() {
    m_heading->setText(tr("Predictions · %1").arg(m_title));
    m_summary->setText(summaryText());
    QStringList lines;
    for (const auto& w : m_model->table()->warnings)
        lines << QStringLiteral("⚠ ") + kiln::widgets::localMessage(QString::fromStdString(w));
    m_warnings->setText(lines.join(QLatin1Char('\n')));
    m_save->setText(tr("Save as CSV…"));
    if (m_model->columnCount() > 0) Q_EMIT m_model->headerDataChanged(Qt::Horizontal, 0, m_model->columnCount() - 1);
}

void PredictionsView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

QString PredictionsView::summaryText() const {
    const kiln::PredictionTable& t = *m_model->table();
    return tr("%Ln prediction(s) for %1 · read %2 s, inference %3 s", nullptr, int(std::min<std::size_t>(t.rows(), INT_MAX)))
        .arg(m_data, QString::number(t.readSeconds, 'f', 3),
             QString::number(t.inferSeconds, 'f', 3));
}

bool PredictionsView::saveCsv(const QString& file, QString* error) const {
    // Never over Kiln's own files, a folder, a pipe or a device; written through a temporary.
    auto target = kiln::checkOutputPath(file.toStdString());
    auto writer = target ? kiln::AtomicFileWriter::create(*target)
                         : kiln::Result<std::unique_ptr<kiln::AtomicFileWriter>>(target.error());
    kiln::Status written = writer ? kiln::Status() : kiln::Status(writer.error());
    auto engines = kiln::engineModule();
    if (writer && !engines) written = kiln::Status(engines.error());
    if (writer && engines) {
        (*engines)->writePredictionsCsv(*m_model->table(), (*writer)->stream());
        written = (*writer)->commit();
    }
    if (!written) {
        if (error)
            *error = tr("Cannot write %1").arg(file) + QStringLiteral("\n") +
                     QString::fromStdString(written.error().toString());
        return false;
    }
    return true;
}

void PredictionsView::chooseSave() {
    const QString suggested = QDir(kiln::widgets::recentFolder(QStringLiteral("predictions")))
                                  .filePath(QFileInfo(m_data).completeBaseName() +
                                            QStringLiteral("_predictions.csv"));
    const QString file =
        QFileDialog::getSaveFileName(this, tr("Save Predictions"), suggested, tr("CSV (*.csv)"));
    if (file.isEmpty()) return;
    kiln::widgets::rememberFolder(QStringLiteral("predictions"), file);
    QString error;
    if (!saveCsv(file, &error)) QMessageBox::warning(this, tr("Save Predictions"), error);
}

}  // namespace studio
}  // namespace kiln
