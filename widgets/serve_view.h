#pragma once

#include <QJsonObject>
#include <QString>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace kiln {
namespace widgets {

// One serving session (a `kiln serve` process) as a tab: where it answers and with which token,
// a ready-to-paste curl line, requests and rows per second, p50/p99 latency, totals, the last
// requests, Stop; below, the drift of the served traffic against the model's training data and
// test-set predictions (PSI, KS, level), computed when asked. It is fed the process's JSON lines
// (ready, stats, swapped, swap_failed, stopped) and knows nothing of the process itself.
class ServeView : public QWidget {
    Q_OBJECT
public:
    explicit ServeView(const QString& reference, QWidget* parent = nullptr);

    // One line `kiln serve --json` printed.
    void applyEvent(const QJsonObject& event);
    void setToken(const QString& token);
    // The process ended: `ok` when it stopped on request, else what it said.
    void setFinished(bool ok, const QString& message);
    // The traffic report (`kiln monitor --traffic --json`), or why there is none.
    void showTraffic(const QJsonObject& report);
    void showTrafficError(const QString& message);

    QString reference() const { return m_reference; }
    QString address() const { return m_address; }
    bool isServing() const { return m_serving; }
    QString statusText() const;
    QString figureText(const QString& name) const;  // "requests_per_s", "p50_ms", …
    QTableWidget* lastRequests() const { return m_last; }
    QTableWidget* trafficTable() const { return m_traffic; }
    QPushButton* stopButton() const { return m_stop; }
    QPushButton* trafficButton() const { return m_compare; }

Q_SIGNALS:
    void stopRequested();
    void trafficRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void showStats(const QJsonObject& stats);
    void retranslateUi();
    QString levelText(const QString& level) const;

    QString m_reference, m_address, m_token, m_curl, m_model, m_trafficFolder;
    QString m_state = QStringLiteral("starting"), m_stateDetail;
    bool m_serving = false;
    QJsonObject m_stats, m_report;
    QString m_trafficError;
    QLabel* m_title;
    QLabel* m_status;
    QLabel* m_addressLabel;
    QLabel* m_addressValue;
    QLabel* m_tokenLabel;
    QLabel* m_tokenValue;
    QLabel* m_curlLabel;
    QLabel* m_curlValue;
    QLabel* m_figures;
    QLabel* m_lastTitle;
    QTableWidget* m_last;
    QPushButton* m_copy;
    QPushButton* m_stop;
    QLabel* m_trafficTitle;
    QLabel* m_trafficStatus;
    QPushButton* m_compare;
    QTableWidget* m_traffic;
};

}  // namespace widgets
}  // namespace kiln
