#include "widgets/serve_view.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include "widgets/column_type_text.h"
#include "widgets/drift_view.h"
#include "widgets/message_texts.h"

namespace kiln {
namespace widgets {

namespace {

QLabel* selectable(QWidget* parent) {
    auto* l = new QLabel(parent);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

QString number(double v, int digits) { return QString::number(v, 'f', digits); }

QTableWidgetItem* cell(const QString& text, Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter) {
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(align);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}

constexpr auto kRight = Qt::AlignRight | Qt::AlignVCenter;

}  // namespace

ServeView::ServeView(const QString& reference, QWidget* parent)
    : QWidget(parent),
      m_reference(reference),
      m_title(new QLabel(this)),
      m_status(new QLabel(this)),
      m_addressLabel(new QLabel(this)),
      m_addressValue(selectable(this)),
      m_tokenLabel(new QLabel(this)),
      m_tokenValue(selectable(this)),
      m_curlLabel(new QLabel(this)),
      m_curlValue(selectable(this)),
      m_figures(new QLabel(this)),
      m_lastTitle(new QLabel(this)),
      m_last(new QTableWidget(0, 6, this)),
      m_copy(new QPushButton(this)),
      m_stop(new QPushButton(this)),
      m_trafficTitle(new QLabel(this)),
      m_trafficStatus(new QLabel(this)),
      m_compare(new QPushButton(this)),
      m_traffic(new QTableWidget(0, 6, this)) {
    setObjectName(QStringLiteral("serveView"));
    m_stop->setObjectName(QStringLiteral("stopServingButton"));
    m_compare->setObjectName(QStringLiteral("compareTrafficButton"));
    m_last->setObjectName(QStringLiteral("lastRequestsTable"));
    m_traffic->setObjectName(QStringLiteral("trafficDriftTable"));
    QFont title = m_title->font();
    title.setPointSizeF(title.pointSizeF() * 1.3);
    title.setBold(true);
    m_title->setFont(title);
    m_curlValue->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_curlValue->setWordWrap(true);
    m_tokenValue->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_trafficStatus->setWordWrap(true);
    m_status->setWordWrap(true);
    for (QTableWidget* t : {m_last, m_traffic}) {
        t->verticalHeader()->hide();
        t->setEditTriggers(QAbstractItemView::NoEditTriggers);
        t->setSelectionBehavior(QAbstractItemView::SelectRows);
        t->horizontalHeader()->setStretchLastSection(true);
        t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    }

    auto* header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addStretch(1);
    header->addWidget(m_copy);
    header->addWidget(m_stop);
    auto* where = new QGridLayout;
    where->addWidget(m_addressLabel, 0, 0);
    where->addWidget(m_addressValue, 0, 1);
    where->addWidget(m_tokenLabel, 1, 0);
    where->addWidget(m_tokenValue, 1, 1);
    where->addWidget(m_curlLabel, 2, 0, Qt::AlignTop);
    where->addWidget(m_curlValue, 2, 1);
    where->setColumnStretch(1, 1);

    auto* live = new QWidget(this);
    auto* liveLayout = new QVBoxLayout(live);
    liveLayout->setContentsMargins(0, 0, 0, 0);
    liveLayout->addWidget(m_figures);
    liveLayout->addWidget(m_lastTitle);
    liveLayout->addWidget(m_last, 1);
    auto* drift = new QWidget(this);
    auto* driftLayout = new QVBoxLayout(drift);
    driftLayout->setContentsMargins(0, 0, 0, 0);
    auto* driftHeader = new QHBoxLayout;
    driftHeader->addWidget(m_trafficTitle);
    driftHeader->addStretch(1);
    driftHeader->addWidget(m_compare);
    driftLayout->addLayout(driftHeader);
    driftLayout->addWidget(m_trafficStatus);
    driftLayout->addWidget(m_traffic, 1);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(live);
    split->addWidget(drift);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_status);
    layout->addLayout(where);
    layout->addWidget(split, 1);

    connect(m_stop, &QPushButton::clicked, this, &ServeView::stopRequested);
    connect(m_compare, &QPushButton::clicked, this, [this] {
        m_trafficError.clear();
        m_trafficStatus->setText(tr("Comparing the logged traffic with the training data…"));
        m_compare->setEnabled(false);
        Q_EMIT trafficRequested();
    });
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_curl); });
    retranslateUi();
}

void ServeView::applyEvent(const QJsonObject& e) {
    const QString kind = e.value(QLatin1String("event")).toString();
    if (kind == QLatin1String("ready")) {
        m_serving = true;
        m_state = QStringLiteral("serving");
        m_address = e.value(QLatin1String("address")).toString();
        m_model = e.value(QLatin1String("model")).toString();
        m_curl = e.value(QLatin1String("curl")).toString();
        m_trafficFolder = e.value(QLatin1String("traffic")).toString();
    } else if (kind == QLatin1String("stats")) {
        m_stats = e;
        m_model = e.value(QLatin1String("model")).toString(m_model);
    } else if (kind == QLatin1String("swapped")) {
        m_model = e.value(QLatin1String("to")).toString();
        m_stateDetail = tr("Switched from %1 to %2.")
                            .arg(e.value(QLatin1String("from")).toString(), m_model);
    } else if (kind == QLatin1String("swap_failed")) {
        m_stateDetail = tr("Kept %1: the new version %2 failed to load (%3).")
                            .arg(m_model, e.value(QLatin1String("version")).toString(),
                                 localMessage(e.value(QLatin1String("error")).toString()));
    } else if (kind == QLatin1String("stopped")) {
        m_stats = e;
    }
    retranslateUi();
}

void ServeView::setToken(const QString& token) {
    m_token = token;
    retranslateUi();
}

void ServeView::setFinished(bool ok, const QString& message) {
    m_serving = false;
    m_state = ok ? QStringLiteral("stopped") : QStringLiteral("failed");
    m_stateDetail = message;
    retranslateUi();
}

void ServeView::showTraffic(const QJsonObject& report) {
    m_report = report;
    m_trafficError.clear();
    m_compare->setEnabled(true);
    retranslateUi();
}

void ServeView::showTrafficError(const QString& message) {
    m_report = {};
    m_trafficError = message;
    m_compare->setEnabled(true);
    retranslateUi();
}

QString ServeView::statusText() const { return m_status->text(); }

QString ServeView::figureText(const QString& name) const {
    const QJsonValue v = m_stats.value(name);
    if (v.isUndefined()) return QStringLiteral("–");
    if (name.endsWith(QLatin1String("_ms"))) return number(v.toDouble(), 2);
    if (name.endsWith(QLatin1String("_per_s"))) return number(v.toDouble(), 1);
    return QLocale().toString(qint64(v.toDouble()));
}

QString ServeView::levelText(const QString& level) const {
    if (level == QLatin1String("stable")) return tr("stable");
    if (level == QLatin1String("moderate")) return tr("moderate");
    if (level == QLatin1String("major")) return tr("major");
    return level;
}

void ServeView::showStats(const QJsonObject& stats) {
    auto figure = [&](const QString& label, const QString& name) {
        return QStringLiteral("<td style='padding-right:18px'><span style='color:#666'>%1</span><br><b "
                              "style='font-size:15pt'>%2</b></td>")
            .arg(label.toHtmlEscaped(), figureText(name));
    };
    m_figures->setText(QStringLiteral("<table><tr>") + figure(tr("Requests/s"), QStringLiteral("requests_per_s")) +
                       figure(tr("Rows/s"), QStringLiteral("rows_per_s")) +
                       figure(tr("Latency p50 (ms)"), QStringLiteral("p50_ms")) +
                       figure(tr("Latency p99 (ms)"), QStringLiteral("p99_ms")) +
                       figure(tr("Requests"), QStringLiteral("requests")) +
                       figure(tr("Rows"), QStringLiteral("rows")) + figure(tr("Errors"), QStringLiteral("errors")) +
                       QStringLiteral("</tr></table>"));
    const QJsonArray last = stats.value(QLatin1String("last")).toArray();
    m_last->setRowCount(last.size());
    for (int i = 0; i < last.size(); ++i) {
        const QJsonObject r = last[i].toObject();
        const int status = r.value(QLatin1String("status")).toInt();
        m_last->setItem(i, 0, cell(r.value(QLatin1String("time")).toString().mid(11, 12)));
        auto* s = cell(QString::number(status), kRight);
        s->setForeground(status >= 400 ? QColor(0xc6, 0x28, 0x28) : QColor(0x2e, 0x7d, 0x32));
        m_last->setItem(i, 1, s);
        m_last->setItem(i, 2, cell(QString::number(r.value(QLatin1String("rows")).toInt()), kRight));
        m_last->setItem(i, 3, cell(number(r.value(QLatin1String("ms")).toDouble(), 2), kRight));
        m_last->setItem(i, 4, cell(r.value(QLatin1String("version")).toString()));
        const QString summary = r.value(QLatin1String("summary")).toString();
        m_last->setItem(i, 5, cell(status >= 400 ? localMessage(summary) : summary));
    }
}

void ServeView::retranslateUi() {
    m_title->setText(tr("Serving %1").arg(m_model.isEmpty() ? m_reference : m_model));
    QString status;
    if (m_state == QLatin1String("starting"))
        status = tr("Loading and verifying the model…");
    else if (m_state == QLatin1String("serving"))
        status = tr("Answering at %1.").arg(m_address);
    else if (m_state == QLatin1String("stopped"))
        status = tr("Stopped.");
    else
        status = tr("The server stopped: %1").arg(localMessage(m_stateDetail));
    if (m_state == QLatin1String("serving") && !m_stateDetail.isEmpty()) status += QLatin1Char(' ') + m_stateDetail;
    m_status->setText(status);
    m_addressLabel->setText(tr("Address:"));
    m_addressValue->setText(m_address.isEmpty() ? QStringLiteral("–")
                                                : m_address + QStringLiteral("/v1/predict"));
    m_tokenLabel->setText(tr("Token:"));
    m_tokenValue->setText(m_token.isEmpty() ? tr("none (this computer only)") : m_token);
    m_curlLabel->setText(tr("Try it:"));
    m_curlValue->setText(m_curl.isEmpty() ? QStringLiteral("–") : m_curl);
    m_copy->setText(tr("Copy curl Command"));
    m_copy->setEnabled(!m_curl.isEmpty());
    m_stop->setText(tr("Stop"));
    m_stop->setEnabled(m_serving);
    m_lastTitle->setText(tr("Last requests"));
    m_last->setHorizontalHeaderLabels(
        {tr("Time (UTC)"), tr("Status"), tr("Rows"), tr("Latency (ms)"), tr("Version"), tr("Answer")});
    showStats(m_stats);

    m_trafficTitle->setText(tr("Served traffic against the training data"));
    m_compare->setText(tr("Compare Traffic"));
    m_traffic->setHorizontalHeaderLabels({tr("Column"), tr("Type"), tr("PSI"), tr("KS"), tr("KS p-value"), tr("Level")});
    if (!m_trafficError.isEmpty()) {
        m_trafficStatus->setText(localMessage(m_trafficError));
        m_traffic->setRowCount(0);
        return;
    }
    if (m_report.isEmpty()) {
        if (m_compare->isEnabled())
            m_trafficStatus->setText(tr("Every request is logged; Compare Traffic sets the live inputs "
                                        "against the training data and the live predictions against the "
                                        "test-set predictions."));
        m_traffic->setRowCount(0);
        return;
    }
    const int rows = m_report.value(QLatin1String("rows")).toInt();
    QString text = tr("%n live row(s) against %1 (inputs) and %2 test rows (predictions); requests: %3.", "", rows)
                       .arg(m_report.value(QLatin1String("dataset")).toString())
                       .arg(m_report.value(QLatin1String("test_rows")).toInt())
                       .arg(m_report.value(QLatin1String("requests")).toInt());
    if (rows < 100) text += QLatin1Char(' ') + tr("Below about 100 rows the figures are noisy.");
    m_trafficStatus->setText(text);
    QJsonArray columns = m_report.value(QLatin1String("inputs")).toObject().value(QLatin1String("columns")).toArray();
    const QJsonObject predictions = m_report.value(QLatin1String("predictions")).toObject();
    m_traffic->setRowCount(columns.size() + (predictions.isEmpty() ? 0 : 1));
    auto fillRow = [&](int row, const QString& name, const QJsonObject& c) {
        m_traffic->setItem(row, 0, cell(name));
        m_traffic->setItem(row, 1, cell(columnTypeText(c.value(QLatin1String("type")).toString())));
        m_traffic->setItem(row, 2, cell(number(c.value(QLatin1String("psi")).toDouble(), 3), kRight));
        const QJsonValue ks = c.value(QLatin1String("ks")), p = c.contains(QLatin1String("ks_p_value"))
                                                                  ? c.value(QLatin1String("ks_p_value"))
                                                                  : c.value(QLatin1String("ks_p"));
        m_traffic->setItem(row, 3, cell(ks.isDouble() ? number(ks.toDouble(), 3) : QStringLiteral("–"), kRight));
        m_traffic->setItem(row, 4, cell(p.isDouble() ? number(p.toDouble(), 4) : QStringLiteral("–"), kRight));
        const QString level = c.value(QLatin1String("level")).toString();
        auto* l = cell(levelText(level));
        l->setBackground(DriftView::levelColour(level));
        m_traffic->setItem(row, 5, l);
    };
    for (int i = 0; i < columns.size(); ++i) {
        const QJsonObject c = columns[i].toObject();
        fillRow(i, c.value(QLatin1String("column")).toString(), c);
    }
    if (!predictions.isEmpty()) fillRow(columns.size(), tr("(predictions)"), predictions);
}

void ServeView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace widgets
}  // namespace kiln
