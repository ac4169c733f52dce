#include "app/studio/database_import_dialog.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QThreadPool>
#include <QUrl>
#include <QVBoxLayout>

#include <exception>

#include "app/studio/column_choices_table.h"
#include "core/base/names.h"
#include "core/modules/database_module.h"
#include "widgets/pool_task.h"
#include "widgets/table_preview_model.h"

namespace kiln {
namespace studio {

struct DatabaseImportDialog::Outcome {
    QStringList tables;
    kiln::TablePreview preview;
    QString error;
};

namespace {

constexpr std::size_t kPreviewRows = 100;

// Connections may wait on the network: their own threads, not the global pool's few.
QThreadPool* databasePool() {
    static QThreadPool pool;
    pool.setMaxThreadCount(2);
    return &pool;
}

// Passwords given in this session, by redacted URL: asked once per Studio run, stored nowhere.
QHash<QString, QString>& sessionPasswords() {
    static QHash<QString, QString> passwords;
    return passwords;
}

// The database clients are kiln-database.so (core/modules), loaded when first needed: libpq
// would slow every start.
QString redacted(const QString& url) {
    auto clients = kiln::databaseModule();
    if (!clients) return QString();
    return QString::fromStdString((*clients)->redactedUrl(url.toStdString()));
}

// A SQLite file rather than a PostgreSQL server, as the import tells them apart.
bool isSqlite(const QString& url) {
    const QString u = url.trimmed();
    return u.startsWith(QStringLiteral("sqlite:")) || u.endsWith(QStringLiteral(".db")) ||
           u.endsWith(QStringLiteral(".sqlite")) || u.endsWith(QStringLiteral(".sqlite3"));
}

template <typename Work>
DatabaseImportDialog::Outcome guarded(Work work) {
    DatabaseImportDialog::Outcome outcome;
    try {
        work(outcome);
    } catch (const std::exception& e) {
        outcome.error = QString::fromLocal8Bit(e.what());
    }
    return outcome;
}

}  // namespace

QString DatabaseImportDialog::rememberedPassword(const QString& url) {
    return sessionPasswords().value(redacted(url));
}

DatabaseImportDialog::DatabaseImportDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("databaseImportDialog"));
    m_typesTitle = new QLabel(this);
    m_types = new ColumnChoicesTable(this);
    connect(m_types, &ColumnChoicesTable::choicesChanged, this, &DatabaseImportDialog::requestPreview);
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
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_importButton = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!m_password->text().isEmpty()) sessionPasswords().insert(redacted(m_url->text()), m_password->text());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* top = new QHBoxLayout;
    top->addWidget(buildConnectionBox(), 2);
    top->addWidget(buildSourceBox(), 3);
    // The column choices and the rows share the height; the rows get the larger part.
    auto* split = new QSplitter(Qt::Vertical, this);
    auto* choices = new QWidget(split);
    auto* choicesLayout = new QVBoxLayout(choices);
    choicesLayout->setContentsMargins(0, 0, 0, 0);
    choicesLayout->addWidget(m_typesTitle);
    choicesLayout->addWidget(m_types);
    auto* rows = new QWidget(split);
    auto* rowsLayout = new QVBoxLayout(rows);
    rowsLayout->setContentsMargins(0, 0, 0, 0);
    rowsLayout->addWidget(m_rowsTitle);
    rowsLayout->addWidget(m_table, 1);
    split->addWidget(choices);
    split->addWidget(rows);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    retranslateUi();
    resize(1100, 780);
    updateImportButton();
}

QWidget* DatabaseImportDialog::buildConnectionBox() {
    auto* box = new QWidget(this);
    auto* form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    m_urlLabel = new QLabel(box);
    m_url = new QLineEdit(box);
    m_url->setObjectName(QStringLiteral("databaseUrl"));
    m_browse = new QPushButton(box);
    m_browse->setObjectName(QStringLiteral("browseSqlite"));
    auto* urlRow = new QHBoxLayout;
    urlRow->addWidget(m_url, 1);
    urlRow->addWidget(m_browse);
    m_hostLabel = new QLabel(box);
    m_host = new QLineEdit(box);
    m_host->setObjectName(QStringLiteral("databaseHost"));
    m_portLabel = new QLabel(box);
    m_port = new QSpinBox(box);
    m_port->setObjectName(QStringLiteral("databasePort"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_databaseLabel = new QLabel(box);
    m_database = new QLineEdit(box);
    m_database->setObjectName(QStringLiteral("databaseName"));
    m_userLabel = new QLabel(box);
    m_user = new QLineEdit(box);
    m_user->setObjectName(QStringLiteral("databaseUser"));
    m_passwordLabel = new QLabel(box);
    m_password = new QLineEdit(box);
    m_password->setObjectName(QStringLiteral("databasePassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordNote = new QLabel(box);
    m_passwordNote->setWordWrap(true);
    m_passwordNote->setStyleSheet(QStringLiteral("color: #5f6368;"));
    m_test = new QPushButton(box);
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_connection = new QLabel(box);
    m_connection->setObjectName(QStringLiteral("connectionStatus"));
    m_connection->setWordWrap(true);
    form->addRow(m_urlLabel, urlRow);
    form->addRow(m_hostLabel, m_host);
    form->addRow(m_portLabel, m_port);
    form->addRow(m_databaseLabel, m_database);
    form->addRow(m_userLabel, m_user);
    form->addRow(m_passwordLabel, m_password);
    form->addRow(QString(), m_passwordNote);
    form->addRow(QString(), m_test);
    form->addRow(QString(), m_connection);
    connect(m_url, &QLineEdit::textEdited, this, &DatabaseImportDialog::urlEdited);
    for (auto* field : {m_host, m_database, m_user})
        connect(field, &QLineEdit::textEdited, this, &DatabaseImportDialog::fieldsEdited);
    connect(m_port, &QSpinBox::valueChanged, this, &DatabaseImportDialog::fieldsEdited);
    connect(m_browse, &QPushButton::clicked, this, &DatabaseImportDialog::browseSqlite);
    connect(m_test, &QPushButton::clicked, this, &DatabaseImportDialog::testConnection);
    return box;
}

QWidget* DatabaseImportDialog::buildSourceBox() {
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_fromTable = new QRadioButton(box);
    m_fromTable->setObjectName(QStringLiteral("fromTable"));
    m_fromTable->setChecked(true);
    m_fromQuery = new QRadioButton(box);
    m_fromQuery->setObjectName(QStringLiteral("fromQuery"));
    auto* group = new QButtonGroup(box);
    group->addButton(m_fromTable);
    group->addButton(m_fromQuery);
    m_tables = new QListWidget(box);
    m_tables->setObjectName(QStringLiteral("databaseTables"));
    m_tables->setMaximumHeight(150);
    m_query = new QPlainTextEdit(box);
    m_query->setObjectName(QStringLiteral("databaseQuery"));
    m_query->setMaximumHeight(70);
    m_runQuery = new QPushButton(box);
    m_runQuery->setObjectName(QStringLiteral("previewQuery"));
    m_nameLabel = new QLabel(box);
    m_name = new QLineEdit(box);
    m_name->setObjectName(QStringLiteral("datasetName"));
    auto* nameRow = new QHBoxLayout;
    nameRow->addWidget(m_nameLabel);
    nameRow->addWidget(m_name, 1);
    auto* queryRow = new QHBoxLayout;
    queryRow->addWidget(m_query, 1);
    queryRow->addWidget(m_runQuery, 0, Qt::AlignTop);
    layout->addWidget(m_fromTable);
    layout->addWidget(m_tables, 1);
    layout->addWidget(m_fromQuery);
    layout->addLayout(queryRow);
    layout->addLayout(nameRow);
    connect(m_tables, &QListWidget::currentTextChanged, this, [this](const QString& table) {
        if (table.isEmpty()) return;
        m_fromTable->setChecked(true);
        m_name->setText(QString::fromStdString(kiln::validNameFrom(table.section(QLatin1Char('.'), -1).toStdString())));
        m_types->clearChoices();
        requestPreview();
    });
    connect(m_runQuery, &QPushButton::clicked, this, &DatabaseImportDialog::previewQuery);
    connect(m_name, &QLineEdit::textChanged, this, &DatabaseImportDialog::updateImportButton);
    connect(m_fromQuery, &QRadioButton::toggled, this, &DatabaseImportDialog::updateImportButton);
    return box;
}

kiln::DatabaseTarget DatabaseImportDialog::target() const {
    kiln::DatabaseTarget target;
    target.url = m_url->text().trimmed().toStdString();
    if (m_fromQuery->isChecked())
        target.query = m_query->toPlainText().trimmed().toStdString();
    else if (m_tables->currentItem())
        target.table = m_tables->currentItem()->text().toStdString();
    return target;
}

QString DatabaseImportDialog::password() const { return m_password->text(); }
QString DatabaseImportDialog::datasetName() const { return m_name->text().trimmed(); }

kiln::ImportOptions DatabaseImportDialog::options() const {
    kiln::ImportOptions options;
    m_types->addTo(options);
    return options;
}

QStringList DatabaseImportDialog::tables() const {
    QStringList names;
    for (int i = 0; i < m_tables->count(); ++i) names << m_tables->item(i)->text();
    return names;
}

void DatabaseImportDialog::setUrl(const QString& url) {
    m_url->setText(url);
    urlEdited();
}

void DatabaseImportDialog::setPassword(const QString& password) { m_password->setText(password); }

void DatabaseImportDialog::setFields(const QString& host, int port, const QString& database,
                                     const QString& user) {
    m_host->setText(host);
    m_port->setValue(port);
    m_database->setText(database);
    m_user->setText(user);
    fieldsEdited();
}

// The fields build a postgresql:// URL, escaped: what the import and the catalog take.
void DatabaseImportDialog::fieldsEdited() {
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(m_host->text().trimmed().isEmpty() ? QStringLiteral("localhost") : m_host->text().trimmed());
    url.setPort(m_port->value());
    url.setUserName(m_user->text().trimmed());
    url.setPath(QLatin1Char('/') + m_database->text().trimmed());
    m_url->setText(url.toString(QUrl::FullyEncoded));
    urlEdited();
}

void DatabaseImportDialog::urlEdited() {
    const QString remembered = rememberedPassword(m_url->text());
    if (m_password->text().isEmpty() && !remembered.isEmpty()) m_password->setText(remembered);
    const bool sqlite = isSqlite(m_url->text());
    for (QWidget* w : std::initializer_list<QWidget*>{m_host, m_port, m_database, m_user, m_password})
        w->setEnabled(!sqlite);
    m_connection->clear();
    m_connectionText = nullptr;
    updateImportButton();
}

void DatabaseImportDialog::browseSqlite() {
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Open SQLite Database"), QString(),
        tr("SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)"));
    if (file.isEmpty()) return;
    setUrl(QStringLiteral("sqlite:") + file);
    testConnection();
}

void DatabaseImportDialog::setBusy(bool busy, std::function<QString()> status) {
    m_busy = busy;
    if (status) {
        m_statusText = std::move(status);
        m_status->setText(m_statusText());
    }
    m_test->setEnabled(!busy);
    updateImportButton();
}

void DatabaseImportDialog::testConnection() {
    const int generation = ++m_generation;
    const std::string url = m_url->text().trimmed().toStdString(), secret = m_password->text().toStdString();
    const QString shown = redacted(m_url->text());
    setBusy(true, [this, shown] { return tr("Connecting to %1…").arg(shown); });
    kiln::widgets::runInPool<Outcome>(
        databasePool(), this,
        [url, secret] {
            return guarded([&](Outcome& outcome) {
                auto clients = kiln::databaseModule();
                if (!clients) {
                    outcome.error = QString::fromStdString(clients.error().toString());
                    return;
                }
                auto tables = (*clients)->listDatabaseTables(url, secret);
                if (!tables) {
                    outcome.error = QString::fromStdString(tables.error().toString());
                    return;
                }
                for (const auto& t : *tables) outcome.tables << QString::fromStdString(t);
            });
        },
        [this, generation](Outcome outcome) { showConnection(outcome, generation); });
}

void DatabaseImportDialog::showConnection(const Outcome& outcome, int generation) {
    if (generation != m_generation) return;
    m_error = outcome.error;
    m_tables->clear();
    if (outcome.error.isEmpty()) {
        m_tables->addItems(outcome.tables);
        m_connection->setStyleSheet(QStringLiteral("color: #1e7d32;"));
        const int count = int(outcome.tables.size());
        m_connectionText = [this, count] { return tr("Connected: %n table(s) and view(s).", nullptr, count); };
        setBusy(false, [this] { return tr("Pick a table, or write a query and preview it."); });
    } else {
        m_connection->setStyleSheet(QStringLiteral("color: #b00020;"));
        const QString error = outcome.error;
        m_connectionText = [this, error] { return tr("Cannot connect: %1").arg(error); };
        setBusy(false);
    }
    m_connection->setText(m_connectionText());
    Q_EMIT connectionTested();
}

void DatabaseImportDialog::chooseTable(const QString& table) {
    const auto found = m_tables->findItems(table, Qt::MatchExactly);
    if (!found.isEmpty()) m_tables->setCurrentItem(found.first());
}

void DatabaseImportDialog::setQuery(const QString& sql) { m_query->setPlainText(sql); }

void DatabaseImportDialog::previewQuery() {
    m_fromQuery->setChecked(true);
    if (m_name->text().isEmpty()) m_name->setText(QStringLiteral("query"));
    m_types->clearChoices();
    requestPreview();
}

void DatabaseImportDialog::requestPreview() {
    const kiln::DatabaseTarget target = this->target();
    if (target.table.empty() && target.query.empty()) return;
    const int generation = ++m_generation;
    const std::string secret = m_password->text().toStdString();
    const kiln::ImportOptions options = this->options();
    setBusy(true, [this] { return tr("Reading the first rows…"); });
    kiln::widgets::runInPool<Outcome>(
        databasePool(), this,
        [target, secret, options] {
            return guarded([&](Outcome& outcome) {
                auto clients = kiln::databaseModule();
                if (!clients) {
                    outcome.error = QString::fromStdString(clients.error().toString());
                    return;
                }
                auto preview = (*clients)->previewDatabase(target, secret, options, kPreviewRows);
                if (preview)
                    outcome.preview = std::move(*preview);
                else
                    outcome.error = QString::fromStdString(preview.error().toString());
            });
        },
        [this, generation](Outcome outcome) { showPreview(outcome, generation); });
}

void DatabaseImportDialog::showPreview(const Outcome& outcome, int generation) {
    if (generation != m_generation) return;
    m_error = outcome.error;
    if (outcome.error.isEmpty()) {
        m_preview = outcome.preview;
        m_types->showColumns(m_preview);
        m_model->setPreview(m_preview);
        m_table->resizeColumnsToContents();
        const int columns = int(m_preview.columns.size()), rows = int(m_preview.rows.size());
        setBusy(false, [this, columns, rows] {
            return tr("%n column(s) · types from the database; the first %1 rows shown.", nullptr, columns).arg(rows);
        });
    } else {
        const QString error = outcome.error;
        setBusy(false, [this, error] { return tr("This cannot be imported as it is: %1").arg(error); });
    }
    Q_EMIT previewUpdated();
}

void DatabaseImportDialog::updateImportButton() {
    const bool named = kiln::nameProblem(datasetName().toStdString()).empty();
    const bool chosen = !m_preview.columns.empty() && m_error.isEmpty();
    if (m_importButton) m_importButton->setEnabled(!m_busy && chosen && named);
}

void DatabaseImportDialog::retranslateUi() {
    setWindowTitle(tr("Import from Database"));
    m_urlLabel->setText(tr("Connection:"));
    m_url->setPlaceholderText(tr("postgresql://user@host:5432/db, service=name, or sqlite:/path/file.db"));
    m_browse->setText(tr("SQLite File…"));
    m_hostLabel->setText(tr("Host:"));
    m_portLabel->setText(tr("Port:"));
    m_databaseLabel->setText(tr("Database:"));
    m_userLabel->setText(tr("User:"));
    m_passwordLabel->setText(tr("Password:"));
    m_passwordNote->setText(tr("Kept for this session only, never stored. Leave it empty to use "
                               "~/.pgpass, $PGPASSWORD or a service file."));
    m_test->setText(tr("Test Connection"));
    m_fromTable->setText(tr("A table or view:"));
    m_fromQuery->setText(tr("The rows of a query:"));
    m_query->setPlaceholderText(tr("SELECT … FROM … WHERE …"));
    m_runQuery->setText(tr("Preview"));
    m_nameLabel->setText(tr("Dataset name:"));
    m_typesTitle->setText(tr("Columns (untick to leave one out, double-click a name to rename it):"));
    m_types->retranslate();
    m_rowsTitle->setText(tr("First rows, as they will be read:"));
    m_importButton->setText(tr("Import"));
    if (!m_statusText) m_statusText = [this] { return tr("Connect to list the tables."); };
    m_status->setText(m_statusText());
    if (m_connectionText) m_connection->setText(m_connectionText());
}

void DatabaseImportDialog::changeEvent(QEvent* event) {
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
