#include "app/studio/import_preview_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <exception>

#include "app/studio/column_choices_table.h"
#include "core/base/names.h"
#include "widgets/message_texts.h"
#include "widgets/table_preview_model.h"
#include "widgets/pool_task.h"

namespace kiln {
namespace studio {

struct ImportPreviewDialog::Outcome {
    kiln::TablePreview preview;
    QString error;
};

namespace {

constexpr int kPreviewRows = 50;
const char kDelimiters[] = {0, ',', ';', '\t', '|'};

}  // namespace

ImportPreviewDialog::ImportPreviewDialog(const QString& file, QWidget* parent)
    : QDialog(parent), m_file(file) {
    setObjectName(QStringLiteral("importPreviewDialog"));
    buildUi();
    retranslateUi();
    resize(1000, 680);
    requestPreview();
}

QWidget* ImportPreviewDialog::buildDialectBox() {
    auto* box = new QWidget(this);
    auto* form = m_form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    const std::string suggested = kiln::validNameFrom(QFileInfo(m_file).completeBaseName().toStdString());
    m_name = new QLineEdit(QString::fromStdString(suggested), box);
    m_name->setObjectName(QStringLiteral("datasetName"));
    connect(m_name, &QLineEdit::textChanged, this, &ImportPreviewDialog::updateImportButton);
    m_nameProblem = new QLabel(box);
    m_nameProblem->setObjectName(QStringLiteral("datasetNameProblem"));
    m_nameProblem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_nameProblem->setWordWrap(true);
    m_nameProblem->hide();
    m_nameLabel = new QLabel(box);
    m_encodingLabel = new QLabel(box);
    m_encoding = new QLabel(box);
    m_encoding->setObjectName(QStringLiteral("detectedEncoding"));
    m_delimiterLabel = new QLabel(box);
    m_delimiter = new QComboBox(box);
    m_delimiter->setObjectName(QStringLiteral("delimiter"));
    for (char c : kDelimiters) m_delimiter->addItem(QString(), int(c));
    m_header = new QCheckBox(box);
    m_header->setObjectName(QStringLiteral("header"));
    m_decimalLabel = new QLabel(box);
    m_decimal = new QComboBox(box);
    m_decimal->setObjectName(QStringLiteral("decimalComma"));
    for (int choice : {-1, 1, 0}) m_decimal->addItem(QString(), choice);  // texts in updateDialect
    m_skipBad = new QCheckBox(box);
    m_skipBad->setObjectName(QStringLiteral("skipBadRows"));
    m_formatLabel = new QLabel(box);
    m_format = new QLabel(box);
    m_format->setObjectName(QStringLiteral("detectedFormat"));
    m_sheetLabel = new QLabel(box);
    m_sheet = new QComboBox(box);
    m_sheet->setObjectName(QStringLiteral("sheet"));
    form->addRow(m_nameLabel, m_name);
    form->addRow(QString(), m_nameProblem);
    form->addRow(m_formatLabel, m_format);
    form->addRow(m_sheetLabel, m_sheet);
    form->addRow(m_encodingLabel, m_encoding);
    form->addRow(m_delimiterLabel, m_delimiter);
    form->addRow(QString(), m_header);
    form->addRow(m_decimalLabel, m_decimal);
    form->addRow(QString(), m_skipBad);
    // Another delimiter makes other columns: the type choices made for the old ones go.
    connect(m_delimiter, &QComboBox::currentIndexChanged, this, [this] {
        m_types->clearChoices();
        requestPreview();
    });
    connect(m_header, &QCheckBox::toggled, this, [this](bool on) {
        m_noHeader = !on;
        m_forceHeader = on;
        requestPreview();
    });
    connect(m_decimal, &QComboBox::currentIndexChanged, this, [this] { requestPreview(); });
    // Another sheet has other columns.
    connect(m_sheet, &QComboBox::currentIndexChanged, this, [this] {
        m_types->clearChoices();
        requestPreview();
    });
    return box;
}

void ImportPreviewDialog::buildUi() {
    m_typesTitle = new QLabel(this);
    m_types = new ColumnChoicesTable(this);
    connect(m_types, &ColumnChoicesTable::choicesChanged, this, &ImportPreviewDialog::requestPreview);
    auto* top = new QHBoxLayout;
    top->addWidget(buildDialectBox(), 2);
    auto* typesBox = new QVBoxLayout;
    typesBox->addWidget(m_typesTitle);
    typesBox->addWidget(m_types);
    top->addLayout(typesBox, 3);
    m_rowsTitle = new QLabel(this);
    m_model = new kiln::widgets::TablePreviewModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("previewTable"));
    m_table->setModel(m_model);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setDefaultSectionSize(22);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("previewStatus"));
    m_status->setWordWrap(true);
    m_notes = new QLabel(this);
    m_notes->setObjectName(QStringLiteral("previewNotes"));
    m_notes->setWordWrap(true);
    m_notes->setStyleSheet(QStringLiteral("color: #8a5a00;"));
    m_notes->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_importButton = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_rowsTitle);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_notes);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
}

QString ImportPreviewDialog::datasetName() const { return m_name->text().trimmed(); }

kiln::ImportOptions ImportPreviewDialog::options() const {
    kiln::ImportOptions options;
    const char delimiter = char(m_delimiter->currentData().toInt());
    if (delimiter != 0) options.delimiter = delimiter;
    options.noHeader = m_noHeader;
    options.forceHeader = m_forceHeader;
    if (int choice = m_decimal->currentData().toInt(); choice >= 0) options.decimalComma = choice == 1;
    options.skipBadRows = m_skipBad->isChecked();
    if (m_sheet->currentIndex() > 0) options.sheet = m_sheet->currentText().toStdString();
    m_types->addTo(options);
    return options;
}

void ImportPreviewDialog::setDelimiter(char delimiter) {
    m_delimiter->setCurrentIndex(std::max(0, m_delimiter->findData(int(delimiter))));
}

void ImportPreviewDialog::setHeader(bool header) { m_header->setChecked(header); }

void ImportPreviewDialog::setSheet(const QString& sheet) {
    const int index = m_sheet->findText(sheet);
    if (index >= 0) m_sheet->setCurrentIndex(index);
}

void ImportPreviewDialog::setColumnType(const QString& column, const QString& type) {
    m_types->setColumnType(column, type);
}

void ImportPreviewDialog::setColumnName(const QString& column, const QString& name) {
    m_types->setColumnName(column, name);
}

void ImportPreviewDialog::setColumnSkipped(const QString& column, bool skipped) {
    m_types->setColumnSkipped(column, skipped);
}

void ImportPreviewDialog::setCategoryOrder(const QString& column, const QStringList& levels) {
    m_types->setCategoryOrder(column, levels);
}

void ImportPreviewDialog::requestPreview() {
    const int generation = ++m_generation;
    m_busy = true;
    m_status->setText(tr("Reading the start of the file…"));
    const std::string file = m_file.toStdString();
    const kiln::ImportOptions options = this->options();
    kiln::widgets::runInPool<Outcome>(
        this,
        [file, options] {
            Outcome outcome;
            try {
                auto preview = kiln::previewTable(file, options, kPreviewRows);
                if (preview)
                    outcome.preview = std::move(preview.value());
                else
                    outcome.error = QString::fromStdString(preview.error().toString());
            } catch (const std::exception& e) {
                outcome.error = QString::fromLocal8Bit(e.what());
            }
            return outcome;
        },
        [this, generation](Outcome outcome) { showPreview(outcome.preview, outcome.error, generation); });
}

void ImportPreviewDialog::showPreview(const kiln::TablePreview& preview, const QString& error,
                                      int generation) {
    if (generation != m_generation) return;
    m_busy = false;
    m_error = error;
    if (error.isEmpty()) {
        m_preview = preview;
        if (m_sheet->count() != int(preview.sheets.size())) {
            // The first entry stands for "the first sheet", the default the import also takes.
            const QSignalBlocker blocker(m_sheet);
            m_sheet->clear();
            for (const auto& sheet : preview.sheets) m_sheet->addItem(QString::fromStdString(sheet));
        }
        m_types->showColumns(preview);
        m_model->setPreview(preview);
        m_table->resizeColumnsToContents();
    }
    updateDialect();
    updateImportButton();
    Q_EMIT previewUpdated();
}

bool ImportPreviewDialog::nameIsValid() const {
    return kiln::nameProblem(datasetName().toStdString()).empty();
}

void ImportPreviewDialog::updateImportButton() {
    // Names follow core's one rule, so every dataset can be typed back as NAME or NAME@VERSION.
    m_nameProblem->setVisible(!datasetName().isEmpty() && !nameIsValid());
    if (m_importButton) m_importButton->setEnabled(!m_busy && m_error.isEmpty() && nameIsValid());
}

// Shows the rows that matter for the file's format: a Parquet file has no delimiter or header.
void ImportPreviewDialog::updateFormatRows() {
    const auto format = m_preview.format;
    const bool csv = format == kiln::TableFormat::Csv;
    const bool excel = format == kiln::TableFormat::Excel;
    m_form->setRowVisible(m_sheet, excel);
    m_form->setRowVisible(m_encoding, csv);
    m_form->setRowVisible(m_delimiter, csv);
    m_form->setRowVisible(m_decimal, csv);
    m_form->setRowVisible(m_header, csv || excel);
    m_form->setRowVisible(m_skipBad, csv || format == kiln::TableFormat::JsonLines);
    m_skipBad->setText(format == kiln::TableFormat::JsonLines
                           ? tr("Skip lines that are not JSON objects (and list them)")
                           : tr("Skip rows with the wrong number of fields (and list them)"));
    const QString names[] = {tr("CSV/TSV text"), tr("Parquet"), tr("JSON Lines"), tr("Excel workbook")};
    m_format->setText(names[int(format)]);
    QStringList notes;
    for (const auto& note : m_preview.notes) notes << kiln::widgets::localMessage(QString::fromStdString(note));
    m_notes->setText(tr("Left out or changed: %1").arg(notes.join(QStringLiteral("; "))));
    m_notes->setVisible(m_error.isEmpty() && !notes.isEmpty());
}

void ImportPreviewDialog::updateDialect() {
    updateFormatRows();
    const QSignalBlocker blocker(m_header);
    m_header->setChecked(m_preview.dialect.header);
    m_encoding->setText(QString::fromLatin1(kiln::textEncodingName(m_preview.encoding)));
    const char d = m_preview.dialect.delimiter;
    const QString name = d == ',' ? tr("comma") : d == ';' ? tr("semicolon") : d == '\t' ? tr("tab")
                       : d == '|' ? tr("pipe") : QString(QLatin1Char(d));
    m_delimiter->setItemText(0, tr("Detect (%1)").arg(name));
    const QSignalBlocker decimalBlocker(m_decimal);
    m_decimal->setItemText(0, m_decimal->currentIndex() == 0
                                  ? tr("Detect (%1)").arg(m_preview.dialect.decimalComma ? tr("yes") : tr("no"))
                                  : tr("Detect"));
    m_decimal->setItemText(1, tr("Yes: 3,14 reads as 3.14"));
    m_decimal->setItemText(2, tr("No: the decimal mark is a point"));
    if (!m_error.isEmpty())
        m_status->setText(tr("This file cannot be imported as it is: %1").arg(m_error));
    else if (m_preview.format == kiln::TableFormat::Parquet)
        m_status->setText(tr("%1 bytes · types from the file's schema; the import reads every row group.")
                              .arg(QLocale().toString(qulonglong(m_preview.bytes))));
    else
        m_status->setText(tr("%1 bytes · types inferred from the first %2 records; "
                             "the import checks every row and widens a type that does not fit.")
                              .arg(QLocale().toString(qulonglong(m_preview.bytes)))
                              .arg(m_preview.sampledRecords));
}

void ImportPreviewDialog::retranslateUi() {
    setWindowTitle(tr("Import %1").arg(QFileInfo(m_file).fileName()));
    m_nameLabel->setText(tr("Dataset name:"));
    m_nameProblem->setText(tr("Use letters, digits, '_', '.' and '-' (no spaces or '@'), not starting "
                              "with '-' or '.'."));
    m_encodingLabel->setText(tr("Encoding:"));
    m_formatLabel->setText(tr("Format:"));
    m_sheetLabel->setText(tr("Sheet:"));
    m_delimiterLabel->setText(tr("Delimiter:"));
    const QStringList delimiters = {tr("Detect"), tr("Comma ( , )"), tr("Semicolon ( ; )"), tr("Tab"),
                                    tr("Pipe ( | )")};
    for (int i = 1; i < delimiters.size(); ++i) m_delimiter->setItemText(i, delimiters[i]);
    m_header->setText(tr("The first row names the columns"));
    m_decimalLabel->setText(tr("Decimal comma:"));
    m_typesTitle->setText(tr("Columns (untick to leave one out, double-click a name to rename it):"));
    m_types->retranslate();
    m_rowsTitle->setText(tr("First rows, as they will be read:"));
    m_importButton->setText(tr("Import"));
    updateDialect();
}

void ImportPreviewDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        // The button box names its standard buttons again after this event ("OK"): say Import
        // once it has.
        QMetaObject::invokeMethod(this, [this] { m_importButton->setText(tr("Import")); }, Qt::QueuedConnection);
    }
    QDialog::changeEvent(event);
}

}  // namespace studio
}  // namespace kiln
