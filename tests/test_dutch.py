import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kto_ingest.dutch import DutchParseError, decimals_of, find_period, parse_bool, parse_date, parse_int, parse_number


@pytest.mark.parametrize(
    "text, expected",
    [
        ("8,1", 8.1),
        ("6,3", 6.3),
        ("0,0", 0.0),
        ("128", 128),
        ("0", 0),
        ("68,8%", 68.8),
        (" 10,6 ", 10.6),
        ("1.234.567", 1234567),
        ("1.234,5", 1234.5),
        ("-3,5", -3.5),
        ("−2", -2),
        ("-", None),
        ("–", None),
        ("", None),
        ("n.v.t.", None),
    ],
)
def test_parse_number(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["1.234", "7.5", "8,1a", "abc", "8,,1", "1,2,3"])
def test_parse_number_refuses_ambiguous_or_garbage(text):
    with pytest.raises(DutchParseError):
        parse_number(text)


def test_parse_int_refuses_decimals():
    assert parse_int("16") == 16
    with pytest.raises(DutchParseError):
        parse_int("6,3")


def test_decimals_of():
    assert decimals_of("6,3") == 1
    assert decimals_of("10,65%") == 2
    assert decimals_of("128") == 0


@pytest.mark.parametrize("text, expected", [("ja", True), ("Nee", False), ("-", None)])
def test_parse_bool(text, expected):
    assert parse_bool(text) is expected


def test_parse_bool_refuses_other_words():
    with pytest.raises(DutchParseError):
        parse_bool("misschien")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("donderdag 24 oktober 2019", dt.date(2019, 10, 24)),
        ("24 oktober 2019", dt.date(2019, 10, 24)),
        ("1 september 2018", dt.date(2018, 9, 1)),
        ("31 augustus 2019", dt.date(2019, 8, 31)),
        ("1 maart 2022", dt.date(2022, 3, 1)),
        ("12-5-2013", dt.date(2013, 5, 12)),
        ("12-05-2016", dt.date(2016, 5, 12)),
        ("Woensdag 20 September 2023", dt.date(2023, 9, 20)),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["31 februari 2021", "maandag 24 oktober 2019", "24 octobre 2019", "13-13-2020"])
def test_parse_date_refuses(text):
    with pytest.raises(DutchParseError):
        parse_date(text)


def test_find_period():
    start, end, raw = find_period("meetperiode: 1 september 2018 tot en met 31 augustus 2019")
    assert (start, end) == (dt.date(2018, 9, 1), dt.date(2019, 8, 31))
    assert raw == "1 september 2018 tot en met 31 augustus 2019"
    assert find_period("geen periode hier") is None
    with pytest.raises(DutchParseError):
        find_period("1 september 2019 tot en met 31 augustus 2018")


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=9))
def test_decimal_comma_roundtrip(whole, tenth):
    assert parse_number(f"{whole},{tenth}") == pytest.approx(whole + tenth / 10)


@given(st.integers(min_value=0, max_value=10**9))
def test_integers_roundtrip(n):
    assert parse_number(str(n)) == n


@given(st.text(max_size=12))
def test_parse_number_never_crashes_differently(text):
    try:
        value = parse_number(text)
    except DutchParseError:
        return
    assert value is None or isinstance(value, (int, float))


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_date_roundtrip(date):
    from kto_ingest.dutch import MONTHS, WEEKDAYS

    month = next(k for k, v in MONTHS.items() if v == date.month and len(k) > 3 or (v == 5 and date.month == 5))
    weekday = next(k for k, v in WEEKDAYS.items() if v == date.weekday())
    assert parse_date(f"{weekday} {date.day} {month} {date.year}") == date
