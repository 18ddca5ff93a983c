package k

import (
	"math"
	"testing"
)

func TestDisplayTemporal(t *testing.T) {
	cases := []displayCase{
		{name: "date", v: Date(8780), show: lines("2024.01.15"), one: "2024.01.15"},
		{name: "date before the epoch", v: Date(-1), one: "1999.12.31"},
		{name: "leap day", v: Date(DaysFrom(2024, 2, 29)), one: "2024.02.29"},
		{name: "far date", v: Date(DaysFrom(1, 1, 1)), one: "0001.01.01"},
		{name: "date null", v: Date(NullInt), one: "0Nd"},
		{name: "date infinity", v: Date(InfInt), one: "0Wd"},
		{name: "date minus infinity", v: Date(-InfInt), one: "-0Wd"},
		{name: "dates", v: Dates{0, 8780}, show: lines("2000.01.01 2024.01.15")},
		{name: "dates with null", v: Dates{0, NullInt, InfInt}, one: "2000.01.01 0N 0W"},
		{name: "dates all null", v: Dates{NullInt, NullInt}, one: "0N 0Nd"},
		{name: "one date", v: Dates{0}, one: ",2000.01.01"},
		{name: "no dates", v: Dates{}, one: "`date$()"},
		{name: "month", v: Month(288), one: "2024.01m"},
		{name: "month before the epoch", v: Month(-1), one: "1999.12m"},
		{name: "months", v: Months{0, 1}, one: "2000.01 2000.02m"},
		{name: "timestamp", v: Timestamp(0), one: "2000.01.01D00:00:00.000000000"},
		{name: "timestamp before the epoch", v: Timestamp(-1), one: "1999.12.31D23:59:59.999999999"},
		{name: "timestamp null", v: Timestamp(NullLong), one: "0Np"},
		{name: "timestamps", v: Timestamps{1, NullLong}, one: "2000.01.01D00:00:00.000000001 0N"},
		{name: "datetime", v: Datetime(0.5), one: "2000.01.01T12:00:00.000"},
		{name: "datetime null", v: Datetime(NaN64()), one: "0Nz"},
		{name: "timespan", v: Timespan(12 * 3600e9), one: "0D12:00:00.000000000"},
		{name: "negative timespan", v: Timespan(-3600e9), one: "-0D01:00:00.000000000"},
		{name: "timespan of days", v: Timespan(2*NanosPerDay + 1), one: "2D00:00:00.000000001"},
		{name: "minute", v: Minute(750), one: "12:30"},
		{name: "minutes", v: Minutes{750, 751}, one: "12:30 12:31"},
		{name: "second", v: Second(45000), one: "12:30:00"},
		{name: "time", v: Time(45000123), one: "12:30:00.123"},
		{name: "negative time", v: Time(-1000), one: "-00:00:01.000"},
		{name: "time past a day", v: Time(25 * 3600000), one: "25:00:00.000"},
		{name: "time null", v: Time(NullInt), one: "0Nt"},
		{name: "date column", v: table(syms("d"), Dates{0, NullInt}), show: lines("d         ", "----------", "2000.01.01", "          ")},
		{name: "dates in a list", v: List{Date(0), Dates{1, 2}}, show: lines("2000.01.01", "2000.01.02 2000.01.03")},
	}
	for i, c := range cases {
		if c.show == "" {
			cases[i].show = lines(c.one)
		}
	}
	checkDisplay(t, cases)
}

func NaN64() float64 { return math.NaN() }

func TestTemporalItems(t *testing.T) {
	d := Dates{1, 2, 3}
	if got := At(d, 1); got != Date(2) {
		t.Errorf("At: got %#v", got)
	}
	if got := Count(d); got != 3 {
		t.Errorf("Count: got %d", got)
	}
	if got, ok := Uniform([]V{Date(1), Date(2)}).(Dates); !ok || len(got) != 2 {
		t.Errorf("Uniform: got %#v", got)
	}
	if got, ok := Uniform([]V{Date(1), Month(2)}).(List); !ok || len(got) != 2 {
		t.Errorf("Uniform of mixed types: got %#v", got)
	}
	for y := int64(-400); y <= 2400; y += 7 {
		for m := int64(1); m <= 12; m++ {
			d := DaysFrom(y, m, 28)
			if yy, mm, dd := civil(d); yy != y || mm != m || dd != 28 {
				t.Fatalf("civil(DaysFrom(%d,%d,28)) = %d %d %d", y, m, yy, mm, dd)
			}
		}
	}
}
