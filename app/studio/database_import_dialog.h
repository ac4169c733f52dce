#pragma once

#include <QDialog>

#include <functional>

#include "core/data/table_import.h"
#include "core/database/database_import.h"

class QButtonGroup;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableView;

namespace kiln {
namespace widgets {
class TablePreviewModel;
}
}  // namespace kiln

namespace kiln {
namespace studio {

class ColumnChoicesTable;

// File ▸ Import from Database…: a PostgreSQL server (a URL, a service name, or host, port,
// database and user filled in as fields) or a SQLite file; Test Connection lists its tables; a
// table or a query is previewed (its first 100 rows, typed from the database's own types, each
// column choosable as in the file preview) and imported as a job. The password is asked for this
// session only: it lives in memory while Studio runs and is written nowhere.
class DatabaseImportDialog : public QDialog {
    Q_OBJECT
public:
    explicit DatabaseImportDialog(QWidget* parent = nullptr);

    kiln::DatabaseTarget target() const;
    QString password() const;
    QString datasetName() const;
    kiln::ImportOptions options() const;
    const kiln::TablePreview& preview() const { return m_preview; }
    bool isBusy() const { return m_busy; }
    QString errorText() const { return m_error; }
    QStringList tables() const;

    // What the controls do, for scripts and tests.
    void setUrl(const QString& url);
    void setPassword(const QString& password);
    void setFields(const QString& host, int port, const QString& database, const QString& user);
    void testConnection();
    void chooseTable(const QString& table);
    void setQuery(const QString& sql);
    void previewQuery();

    // The password given for a redacted URL earlier in this session, if any.
    static QString rememberedPassword(const QString& url);

Q_SIGNALS:
    // A connection test, a table list or a preview finished (with or without an error).
    void connectionTested();
    void previewUpdated();

protected:
    void changeEvent(QEvent* event) override;

public:
    struct Outcome;  // one connection test's or preview's result (defined in the .cpp)

private:
    QWidget* buildConnectionBox();
    QWidget* buildSourceBox();
    void fieldsEdited();
    void urlEdited();
    void browseSqlite();
    void requestPreview();
    void showConnection(const Outcome& outcome, int generation);
    void showPreview(const Outcome& outcome, int generation);
    // The status line, made again in the language chosen when it changes.
    void setBusy(bool busy, std::function<QString()> status = {});
    void updateImportButton();
    void retranslateUi();

    kiln::TablePreview m_preview;
    QString m_error;
    bool m_busy = false;
    bool m_editingFields = false;
    int m_generation = 0;
    std::function<QString()> m_statusText;
    std::function<QString()> m_connectionText;
    QLabel* m_urlLabel = nullptr;
    QLineEdit* m_url = nullptr;
    QPushButton* m_browse = nullptr;
    QLabel* m_hostLabel = nullptr;
    QLineEdit* m_host = nullptr;
    QLabel* m_portLabel = nullptr;
    QSpinBox* m_port = nullptr;
    QLabel* m_databaseLabel = nullptr;
    QLineEdit* m_database = nullptr;
    QLabel* m_userLabel = nullptr;
    QLineEdit* m_user = nullptr;
    QLabel* m_passwordLabel = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_passwordNote = nullptr;
    QPushButton* m_test = nullptr;
    QLabel* m_connection = nullptr;
    QRadioButton* m_fromTable = nullptr;
    QRadioButton* m_fromQuery = nullptr;
    QListWidget* m_tables = nullptr;
    QPlainTextEdit* m_query = nullptr;
    QPushButton* m_runQuery = nullptr;
    QLabel* m_nameLabel = nullptr;
    QLineEdit* m_name = nullptr;
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
