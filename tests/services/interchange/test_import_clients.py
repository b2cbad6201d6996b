"""Importing client files as a jeweler moving in would: real files, a real store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from boutique.services.clients import Client, client_relations, tier_for, top_tier_threshold
from boutique.services.errors import ValidationError
from boutique.services.interchange import apply_plan, build_plan, export_clients_csv, neutralise
from boutique.services.interchange.apply import ImportCancelled
from boutique.services.interchange.reading import read_table
from boutique.services.notes import timeline

FIXTURES = Path(__file__).parents[2] / "fixtures" / "import"


def _book():
    return {(c.first_name, c.last_name): c for c in Client.select()}


def test_shopify_customers_become_clients_with_their_meaning(db):
    plan = build_plan(FIXTURES / "shopify_customers.csv")
    assert plan.format == "shopify-customers"
    summary = apply_plan(plan)
    assert (summary["created"], summary["merged"], summary["problems"]) == (2, 1, [])
    book = _book()
    margaux = book[("Margaux", "Delacroix")]
    assert margaux.mobile_phone == "+15035550142"  # the leading ' of the spreadsheet dropped
    assert (margaux.consent_email, margaux.consent_text) == (True, False)
    assert margaux.spend_before_cents == 231000 and margaux.lifetime_spend_cents == 231000
    assert margaux.tags == "vip, bridal" and margaux.home_city == "Portland"
    assert [n.text for n in timeline(margaux.id)] == ["Prefers rose gold.\nRing size 6"]
    hiroshi = book[("Hiroshi", "Tanaka")]
    assert hiroshi.tags == "repairs"  # merged from the later row with the same email
    assert ("Hiro", "Tanaka") not in book
    merge = next(r for r in plan.rows if r.action == "merge")
    assert merge.rule == "same email hiro@example.com as row 3"


def test_spend_before_boutique_sets_the_tier_from_day_one(db):
    apply_plan(build_plan(FIXTURES / "shopify_customers.csv"))
    margaux = _book()[("Margaux", "Delacroix")]
    assert tier_for(margaux.lifetime_spend_cents, top_tier_threshold()) == "Top"


def test_square_file_in_windows_1252_with_semicolons(db):
    plan = build_plan(FIXTURES / "square_customers_cp1252.csv")
    assert plan.format == "square-customers"
    apply_plan(plan)
    renee = _book()[("Renée", "Côté")]
    assert (renee.birthday_year, renee.birthday_month, renee.birthday_day) == (None, 3, 14)
    assert renee.preferred_name == "Néné" and renee.consent_email is True
    assert renee.spend_before_cents == 231000
    zoe = _book()[("Zoë", "Ångström")]
    assert (zoe.birthday_year, zoe.birthday_month, zoe.birthday_day) == (1984, 11, 2)
    assert zoe.mobile_phone == "+15035550123" and zoe.consent_email is False


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_every_encoding_and_dialect_reads_the_same(tmp_path, encoding, delimiter):
    text = delimiter.join(["First Name", "Last Name", "Memo"]) + "\r\n" + delimiter.join(
        ["Renée", "Müller", '"two\r\nlines, café"']) + "\r\n"
    path = tmp_path / "f.csv"
    path.write_bytes(text.encode(encoding))
    header, rows = read_table(path)
    assert header == ["First Name", "Last Name", "Memo"]
    assert rows == [{"First Name": "Renée", "Last Name": "Müller", "Memo": "two\r\nlines, café"}]


def test_a_broken_file_changes_nothing_and_names_its_rows(db, make_client):
    make_client(first_name="Kept", email="kept@example.com")
    plan = build_plan(FIXTURES / "shopify_customers_broken.csv")
    assert [(p.row, p.field) for p in plan.problems] == [
        (3, "email"), (4, "Total Spent"), (5, "first_name")]
    with pytest.raises(ValidationError, match="row 3"):
        apply_plan(plan)
    assert [c.first_name for c in Client.select()] == ["Kept"]


def test_good_rows_only_imports_the_good_ones(db):
    summary = apply_plan(build_plan(FIXTURES / "shopify_customers_broken.csv"),
                         good_rows_only=True)
    assert summary["created"] == 1 and len(summary["problems"]) == 3
    assert [c.first_name for c in Client.select()] == ["Ada"]


def test_a_row_matching_the_book_is_merged_never_doubled(db, make_client):
    ana = make_client(first_name="Margaux", last_name="D.", mobile_phone="503 555 0142")
    plan = build_plan(FIXTURES / "shopify_customers.csv")
    row = next(r for r in plan.rows if r.row == 2)
    assert (row.action, row.client_id, row.rule) == ("merge", ana.id, "same phone +15035550142")
    apply_plan(plan)
    merged = Client.get_by_id(ana.id)
    assert merged.last_name == "D."  # what she had is kept
    assert merged.email == "margaux.d@example.com"  # what she lacked is filled
    assert Client.select().count() == 2


def test_reimporting_the_same_file_changes_nothing(db):
    apply_plan(build_plan(FIXTURES / "shopify_customers.csv"))
    before = [tuple(c.values()) for c in Client.select().dicts()]
    again = build_plan(FIXTURES / "shopify_customers.csv")
    assert (again.count("create"), again.count("merge"), again.count("skip")) == (0, 0, 3)
    apply_plan(again)
    after = [tuple(c.values()) for c in Client.select().dicts()]
    assert [r[:-6] for r in after] == [r[:-6] for r in before]  # timestamps aside
    assert sum(len(timeline(c.id)) for c in Client.select()) == 1


def test_a_cancelled_import_leaves_the_book_as_it_was(db, make_client):
    make_client(first_name="Kept")
    with pytest.raises(ImportCancelled):
        apply_plan(build_plan(FIXTURES / "shopify_customers.csv"),
                   progress=lambda done, total: done < 2)
    assert [c.first_name for c in Client.select()] == ["Kept"]


def test_an_import_takes_a_verified_backup_first(db, db_path):
    apply_plan(build_plan(FIXTURES / "shopify_customers.csv"))
    backups = list((db_path.parent / "backups").glob("*before-import.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as copy:  # taken before: the copy has no clients yet
        assert copy.execute("SELECT COUNT(*) FROM client").fetchone()[0] == 0


def test_export_neutralises_formulas_and_round_trips(db, make_client, tmp_path):
    make_client(first_name="=HYPERLINK(\"x\")", last_name="@Evil", mobile_phone="503 555 0142",
                wish_list="-5 carats <b>&</b> 🎉", consent_text=True, birthday_month=3,
                birthday_day=14)
    out = tmp_path / "clients.csv"
    assert export_clients_csv(out) == 1
    _, rows = read_table(out)
    assert rows[0]["first_name"] == "'=HYPERLINK(\"x\")"
    assert rows[0]["mobile_phone"] == "'+15035550142"
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in rows[0].values())
    original = Client.select().dicts().get()
    Client.delete().execute()
    apply_plan(build_plan(out))
    back = Client.select().dicts().get()
    for name in ("first_name", "last_name", "mobile_phone", "wish_list", "consent_text",
                 "consent_mail", "birthday_month", "birthday_day", "birthday_year"):
        assert back[name] == original[name], name


def test_neutralise_only_touches_formula_starts():
    assert neutralise("=1+1") == "'=1+1" and neutralise("\tx") == "'\tx"
    assert neutralise("Ana") == "Ana" and neutralise("") == ""


def test_a_google_vcard_becomes_clients(db):
    plan = build_plan(FIXTURES / "google_contacts.vcf")
    assert plan.format == "vcard"
    apply_plan(plan)
    amelie = _book()[("Amélie", "Fontaine")]
    assert (amelie.mobile_phone, amelie.work_phone) == ("+15035550188", "+15035550166")
    assert (amelie.birthday_year, amelie.birthday_month, amelie.birthday_day) == (None, 3, 14)
    assert (amelie.anniversary_year, amelie.anniversary_month) == (2010, 6)
    assert amelie.home_line1 == "22 Alder St" and amelie.business_line1 == "1 Market Sq"
    assert timeline(amelie.id)[0].text.endswith("goes on and on across a folded line.")
    omar = _book()[("Omar", "Haddad")]
    assert omar.home_phone == "+15035550155" and omar.business_company == "Haddad Imports"


def test_an_apple_vcard_becomes_clients(db):
    plan = build_plan(FIXTURES / "apple_contacts.vcf")
    assert plan.format == "vcard" and plan.problems == []
    apply_plan(plan)
    renee = _book()[("Renée", "Okafor")]
    assert (renee.mobile_phone, renee.work_phone) == ("+15035550101", "+15035550199")
    assert renee.email == "renee.okafor@example.com"
    assert (renee.birthday_year, renee.birthday_month, renee.birthday_day) == (None, 8, 21)
    assert (renee.anniversary_year, renee.anniversary_month, renee.anniversary_day) == (2012, 5, 19)
    assert (renee.business_line1, renee.business_line2) == ("200 Pine St", "Suite 4")
    assert renee.home_line1 == "14 Elm St" and renee.business_company == "Okafor Design"
    assert timeline(renee.id)[0].text == "Prefers white gold, never yellow.\nSister: Ada (buys her gifts)."
    people = [(r.kind, r.name) for r in client_relations(renee.id)]
    assert people == [("partner", "Kwame"), ("child", "Nia"), ("other", "Ada")]
    again = apply_plan(build_plan(FIXTURES / "apple_contacts.vcf"))
    assert (again["created"], again["merged"]) == (0, 0)
    assert len(client_relations(renee.id)) == 3  # her people, each once
    bruce = _book()[("小龍", "李")]
    assert bruce.mobile_phone == "+15035550178" and bruce.birthday_year == 1985


@pytest.mark.parametrize("fixture", ["google_contacts.vcf", "apple_contacts.vcf"])
def test_vcard_round_trip(db, tmp_path, fixture):
    from boutique.services.interchange import export_vcard

    apply_plan(build_plan(FIXTURES / fixture))
    original = list(Client.select().order_by(Client.id).dicts())
    people = [[(r.kind, r.name) for r in client_relations(c["id"])] for c in original]
    out = tmp_path / "book.vcf"
    assert export_vcard(out) == Client.select().count()
    assert "VERSION:4.0" in out.read_text(encoding="utf-8")
    Client.delete().execute()
    apply_plan(build_plan(out))
    back = list(Client.select().order_by(Client.id).dicts())
    fields = ("first_name", "last_name", "email", "mobile_phone", "work_phone", "home_phone",
              "home_line1", "home_city", "business_line1", "business_line2", "business_company",
              "birthday_year",
              "birthday_month", "birthday_day", "anniversary_year", "anniversary_month")
    assert [{f: c[f] for f in fields} for c in back] == [{f: c[f] for f in fields} for c in original]
    assert [[(r.kind, r.name) for r in client_relations(c["id"])] for c in back] == people


def test_erase_removes_the_client_from_every_table_and_from_search(db, db_path, make_client):
    import datetime as dt

    from boutique.models import FollowUp, Note, Purchase, PurchaseItem
    from boutique.services.clients import ItemData, PurchaseData, record_purchase
    from boutique.services.interchange import backups_clear_on, erase_client
    from boutique.services.notes import add_note
    from boutique.services.notes.search import search

    keep = make_client(first_name="Kept", last_name="Other")
    gone = make_client(first_name="Zuleika", last_name="Quenby", email="zq@example.com")
    purchase = record_purchase(gone.id, PurchaseData(dt.date.today(), [ItemData("Opal ring")]))
    add_note(gone.id, "Quenby loves opals", purchase_id=purchase.id)
    assert FollowUp.select().where(FollowUp.client == gone.id).count() > 0
    assert erase_client(gone.id) == backups_clear_on() == dt.date.today() + dt.timedelta(days=365)
    for model in (FollowUp, Note, Purchase):
        assert model.select().where(model.client == gone.id).count() == 0
    assert PurchaseItem.select().count() == 0
    assert Client.select().count() == 1 and Client.get_by_id(keep.id)
    for word in ("Quenby", "Zuleika", "opal"):
        assert search(word).ranked() == [], word
    with sqlite3.connect(db_path) as store:
        for table in ("client_fts", "note_fts", "purchase_fts"):
            store.execute(f"INSERT INTO {table}({table}, rank) VALUES('integrity-check', 1)")
        assert store.execute("SELECT COUNT(*) FROM client_word WHERE client_id = ?",
                             (gone.id,)).fetchone()[0] == 0
    assert b"Quenby" not in db_path.read_bytes()


def test_client_record_holds_profile_purchases_notes_followups(db, make_client):
    import datetime as dt

    from boutique.services.clients import ItemData, PurchaseData, record_purchase
    from boutique.services.interchange import client_record
    from boutique.services.notes import add_note

    ana = make_client(email="ana@example.com")
    record_purchase(ana.id, PurchaseData(dt.date.today(), [ItemData("Opal ring", price_cents=900)]))
    add_note(ana.id, "Loves <b>opals</b> & 🎉")
    record = client_record(ana.id)
    assert record["profile"]["email"] == "ana@example.com"
    assert record["purchases"][0]["items"][0]["description"] == "Opal ring"
    assert record["notes"][0]["text"] == "Loves <b>opals</b> & 🎉"
    assert record["followups"] and {"kind", "due", "status"} <= set(record["followups"][0])


def test_a_later_row_of_the_same_client_brings_the_spend_the_first_lacked(db, tmp_path):
    path = tmp_path / "customers.csv"
    path.write_text(
        "First Name,Last Name,Email,Accepts Email Marketing,Total Spent\n"
        "Renée,Okafor,renee@example.com,yes,\n"
        "Renee,Okafor,RENEE@example.com,yes,\"2,310.00\"\n"
        "Renee,Okafor,renee@example.com,yes,99.00\n", encoding="utf-8")
    summary = apply_plan(build_plan(path))
    assert (summary["created"], summary["merged"]) == (1, 2)
    [renee] = Client.select()
    assert (renee.spend_before_cents, renee.lifetime_spend_cents) == (231000, 231000)


def test_a_merged_birthday_is_taken_whole_or_not_at_all(db, make_client, tmp_path):
    make_client(first_name="Omar", last_name="Haddad", email="omar@example.com",
                birthday_month=2, birthday_day=28)
    make_client(first_name="Lena", last_name="Park", email="lena@example.com",
                birthday_month=7, birthday_day=4)
    cards = tmp_path / "cards.vcf"
    cards.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Haddad;Omar;;;\r\nFN:Omar Haddad\r\n"
                     "EMAIL:omar@example.com\r\nBDAY:1979-02-28\r\nEND:VCARD\r\n"
                     "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Park;Lena;;;\r\nFN:Lena Park\r\n"
                     "EMAIL:lena@example.com\r\nBDAY:1990-09-12\r\nEND:VCARD\r\n",
                     encoding="utf-8")
    plan = build_plan(cards)
    assert plan.problems == []
    apply_plan(plan)
    omar, lena = _book()[("Omar", "Haddad")], _book()[("Lena", "Park")]
    assert (omar.birthday_year, omar.birthday_month, omar.birthday_day) == (1979, 2, 28)
    assert (lena.birthday_year, lena.birthday_month, lena.birthday_day) == (None, 7, 4)
