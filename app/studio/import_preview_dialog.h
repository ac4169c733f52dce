#pragma once

#include <QDialog>

#include "core/data/table_import.h"

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QTableView;

namespace kiln {
namespace widgets {
class TablePreviewModel;
}
}  // namespace kiln

namespace kiln {
namespace studio {

class ColumnChoicesTable;

// The preview before a file import, in the file's format (CSV/TSV, Parquet, JSON Lines, Excel,
// told from the content): for CSV the detected encoding, delimiter, header and decimal comma; for
// Excel the sheet (first by default) and the header; for Parquet the nested columns left out;
// then each column's type and the first rows. Each column can be imported or not, renamed, read
// as another type and, for categories, given an order (ColumnChoicesTable); every change previews
// again (in the pool). Accepting gives the options and the dataset name the import job takes.
class ImportPreviewDialog : public QDialog {
    Q_OBJECT
public:
    explicit ImportPreviewDialog(const QString& file, QWidget* parent = nullptr);

    QString file() const { return m_file; }
    QString datasetName() const;
    // The options the user settled on (what the preview shows).
    kiln::ImportOptions options() const;
    const kiln::TablePreview& preview() const { return m_preview; }
    bool isBusy() const { return m_busy; }
    QString errorText() const { return m_error; }

    // What the controls do, for scripts and tests: 0 lets Kiln detect the delimiter.
    void setDelimiter(char delimiter);
    void setHeader(bool header);
    // Excel: the sheet to read, by name.
    void setSheet(const QString& sheet);
    // `column` is the name in the file; `type` as the import reads it ("integer", "date-dmy", …),
    // empty: as detected.
    void setColumnType(const QString& column, const QString& type);
    void setColumnName(const QString& column, const QString& name);
    void setColumnSkipped(const QString& column, bool skipped);
    void setCategoryOrder(const QString& column, const QStringList& levels);

    QTableView* previewTable() const { return m_table; }
    ColumnChoicesTable* columnTypes() const { return m_types; }
    kiln::widgets::TablePreviewModel* previewModel() const { return m_model; }

Q_SIGNALS:
    // A preview (or its error) arrived.
    void previewUpdated();

protected:
    void changeEvent(QEvent* event) override;

public:
    struct Outcome;  // one preview's result (defined in the .cpp)

private:
    void buildUi();
    QWidget* buildDialectBox();
    void requestPreview();
    void showPreview(const kiln::TablePreview& preview, const QString& error, int generation);
    void updateDialect();
    void updateFormatRows();
    void updateImportButton();
    bool nameIsValid() const;
    void retranslateUi();

    QString m_file;
    kiln::TablePreview m_preview;
    QString m_error;
    int m_generation = 0;
    bool m_busy = false;
    bool m_noHeader = false;
    bool m_forceHeader = false;
    QLineEdit* m_name = nullptr;
    QLabel* m_nameLabel = nullptr;
    QLabel* m_nameProblem = nullptr;
    QLabel* m_encodingLabel = nullptr;
    QLabel* m_encoding = nullptr;
    QLabel* m_delimiterLabel = nullptr;
    QComboBox* m_delimiter = nullptr;
    QCheckBox* m_header = nullptr;
    QLabel* m_decimalLabel = nullptr;
    QComboBox* m_decimal = nullptr;  // detect / yes / no
    QCheckBox* m_skipBad = nullptr;
    QLabel* m_formatLabel = nullptr;
    QLabel* m_format = nullptr;
    QLabel* m_sheetLabel = nullptr;
    QComboBox* m_sheet = nullptr;
    QLabel* m_notes = nullptr;
    QFormLayout* m_form = nullptr;
    QLabel* m_typesTitle = nullptr;
    ColumnChoicesTable* m_types = nullptr;
    QLabel* m_rowsTitle = nullptr;
    QTableView* m_table = nullptr;
    kiln::widgets::TablePreviewModel* m_model = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_importButton = nullptr;
};

}  // namespace studio
}  // namespace kiln
