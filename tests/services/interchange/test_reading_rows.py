"""A CSV's rows as dicts by header: short rows filled, long ones cut, blank ones left out."""

from __future__ import annotations

from boutique.services.interchange.reading import read_table


def test_rows_take_the_headers_width(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("a,b,c\n1,2,3\n4\n , ,\t\n5,6,7,8\n,,x\n\n", encoding="utf-8")
    header, rows = read_table(path)
    assert header == ["a", "b", "c"]
    assert rows == [{"a": "1", "b": "2", "c": "3"}, {"a": "4", "b": "", "c": ""},
                    {"a": "5", "b": "6", "c": "7"}, {"a": "", "b": "", "c": "x"}]


def test_a_repeated_header_keeps_its_last_cell(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("Name,Name,Email\nAna,Bea,a@example.com\n", encoding="utf-8")
    assert read_table(path)[1] == [{"Name": "Bea", "Email": "a@example.com"}]
