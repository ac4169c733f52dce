#pragma once

#include <memory>

#include "widgets/chart_panel.h"

class QComboBox;

namespace kiln {
struct TableProfile;
}

namespace kiln {
namespace widgets {

class HeatmapCanvas;

// The profile's correlation matrix over the numeric columns as a heatmap, Pearson or Spearman.
class CorrelationHeatmap : public ChartPanel {
    Q_OBJECT
public:
    enum class Method { Pearson, Spearman };

    explicit CorrelationHeatmap(QWidget* parent = nullptr);

    void setProfile(std::shared_ptr<const kiln::TableProfile> profile);
    void setMethod(Method method);
    Method method() const;
    HeatmapCanvas* heatmap() const { return m_canvas; }

protected:
    void retranslateUi() override;

private:
    void draw();

    std::shared_ptr<const kiln::TableProfile> m_profile;
    QComboBox* m_method;
    HeatmapCanvas* m_canvas;
};

}  // namespace widgets
}  // namespace kiln
