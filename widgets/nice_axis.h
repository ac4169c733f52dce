#pragma once

class QValueAxis;

namespace kiln {
namespace widgets {

// Tick spacing that gives about `ticks` round steps (1, 2, 5 × 10^n) over `span`.
double niceStep(double span, int ticks);

// Ends and ticks at multiples of a 1-2-5 step over [min, max]; `round` false keeps the given
// ends (the ticks still fall on multiples of the step).
void setNiceRange(QValueAxis* axis, double min, double max, bool round);

// Fits `axis` to data from `low` to `high` as a person expects to read it: a little room on each
// side, ends and ticks on round numbers (0, 50, 100 …; never 42.75), and no negative values for
// data that has none (nor positive ones for data that is all negative). A single value gets a
// band around it. Labels get as many decimals as the step.
void fitNiceAxis(QValueAxis* axis, double low, double high, int ticks = 5);

}  // namespace widgets
}  // namespace kiln
