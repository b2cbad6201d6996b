"""A client's profile: the header with their value, the form, purchases and feature pages."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from boutique.services import settings
from boutique.services.clients import Client
from boutique.services.clients.book import get_client, save_client
from boutique.services.clients.value import TOP, tier_for, top_tier_threshold
from boutique.services.errors import ValidationError
from boutique.services.notes.notebook import pinned_facts
from boutique.services.text import money
from boutique.ui.client_form import ClientForm
from boutique.ui.profile_pages import extra_pages
from boutique.ui.signals import bus

PINNED_CHARS = 140


class ProfileHeader(QWidget):
    """Who this is and what they are worth to the store, at a glance."""

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 8)
        names = QVBoxLayout()
        self.name = QLabel(self)
        self.name.setProperty("role", "heading")
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle = QLabel(self)
        self.subtitle.setProperty("role", "muted")
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.pinned = QLabel(self)
        self.pinned.setTextFormat(Qt.TextFormat.PlainText)
        self.pinned.setObjectName("pinned_facts")
        names.addWidget(self.name)
        names.addWidget(self.subtitle)
        names.addWidget(self.pinned)
        self.history = QLabel(self)
        self.history.setObjectName("associate_history")
        self.history.setTextFormat(Qt.TextFormat.PlainText)
        self.history.setProperty("role", "muted")
        self.history.setWordWrap(True)
        names.addWidget(self.history)
        layout.addLayout(names, 1)
        self.figures: dict[str, QLabel] = {}
        for key, caption in (("spend", "Lifetime spend"), ("count", "Purchases"),
                             ("last", "Last purchase"), ("tier", "Tier")):
            box = QVBoxLayout()
            value = QLabel("—", self)
            value.setProperty("role", "figure")
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            label = QLabel(caption, self)
            label.setProperty("role", "muted")
            label.setAlignment(Qt.AlignmentFlag.AlignRight)
            box.addWidget(value)
            box.addWidget(label)
            layout.addSpacing(24)
            layout.addLayout(box)
            self.figures[key] = value

    def show_client(self, client: Client | None) -> None:
        if client is None:
            self.name.setText("New client")
            self.subtitle.setText("Fill in at least a first or a last name.")
            for label in self.figures.values():
                label.setText("—")
            self.pinned.clear()
            self.history.clear()
            return
        title = f"{client.salutation} {client.full_name}".strip()
        self.name.setText(title + (f"  “{client.preferred_name}”" if client.preferred_name else ""))
        bits = []
        if client.partner_name:
            bits.append(f"Partner: {client.partner_name}")
        if client.associate:
            bits.append(f"Looked after by {client.associate}")
        if client.do_not_contact:
            bits.append("DO NOT CONTACT")
        if client.deleted_at:
            bits.append("In the Trash")
        self.subtitle.setText("  ·  ".join(bits))
        self.show_pinned(client.id)
        self.show_history(client.id)
        currency = settings.get("store.currency_symbol")
        tier = tier_for(client.lifetime_spend_cents, top_tier_threshold())
        self.figures["spend"].setText(money(client.lifetime_spend_cents, currency))
        self.figures["count"].setText(str(client.purchase_count))
        self.figures["last"].setText(
            client.last_purchase_date.strftime("%d %b %Y") if client.last_purchase_date else "—")
        self.figures["tier"].setText("★ Top client" if tier == TOP else tier)


    def show_history(self, client_id: int) -> None:
        """Who looked after the client before, newest first: from, to, when, why."""
        from boutique.services.associates import associate_history

        changes = associate_history(client_id)
        self.history.setToolTip("\n".join(c.text for c in changes))
        shown = "   ".join(c.text for c in changes[:3])
        self.history.setText(f"Associates: {shown}" if changes else "")

    def show_pinned(self, client_id: int) -> None:
        """The pinned facts, on one line above every page of the profile."""
        facts = [" ".join(note.text.split()) for note in pinned_facts(client_id)]
        line = "  ·  ".join(facts)
        self.pinned.setToolTip("\n".join(facts))
        self.pinned.setText(("Pinned: " + (line if len(line) <= PINNED_CHARS
                                            else line[:PINNED_CHARS - 1] + "…")) if facts else "")


class ClientProfileDialog(QDialog):
    def __init__(self, window, client_id: int | None = None):
        super().__init__(window)
        self.window_ = window
        self.client_id = client_id
        self.setWindowTitle("New client" if client_id is None else "Client")
        self.resize(1100, 760)
        layout = QVBoxLayout(self)
        self.header = ProfileHeader(self)
        layout.addWidget(self.header)
        self.tabs = QTabWidget(self)
        self.form = ClientForm(self)
        self.tabs.addTab(self.form, "Profile")
        self.pages: dict[str, QWidget] = {"Profile": self.form}
        layout.addWidget(self.tabs, 1)
        self.status = QLabel("", self)
        self.status.setProperty("role", "error")
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.brief_button = self.buttons.addButton("Print &brief…",
                                                   QDialogButtonBox.ButtonRole.ActionRole)
        self.brief_button.setToolTip("One or two pages to read before a call or a visit")
        self.brief_button.clicked.connect(self.print_brief)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self._load()

    def _load(self) -> None:
        client = get_client(self.client_id) if self.client_id is not None else None
        self.header.show_client(client)
        self.form.set_client(client)
        if client is not None:
            self.setWindowTitle(f"{client.full_name} — Client")
            self._add_client_pages()

    def _add_client_pages(self) -> None:
        if "Purchases" in self.pages:
            return
        from boutique.ui.purchases_page import PurchasesPage

        pages = [("Purchases", PurchasesPage)] + extra_pages()
        for title, factory in pages:
            page = factory(self.client_id, self.window_, self)
            self.pages[title] = page
            self.tabs.addTab(page, title)
        bus().purchases_changed.connect(self._on_purchases_changed)
        bus().notes_changed.connect(self._on_notes_changed)

    def _on_purchases_changed(self, client_id: int) -> None:
        if client_id == self.client_id:
            self.header.show_client(get_client(self.client_id))

    def _on_notes_changed(self, client_id: int) -> None:
        if client_id == self.client_id:
            self.header.show_pinned(client_id)

    def brief_pdf(self) -> bytes:
        import datetime as dt

        from boutique.printing.brief import brief_pdf
        from boutique.services.stationery import client_brief, load_letterhead

        return brief_pdf(client_brief(self.client_id, dt.date.today()), load_letterhead())

    def print_brief(self) -> None:
        if self.client_id is None:
            self._set_status("Save the client first.", "error")
            return
        from boutique.ui.print_preview import show_pdf_preview

        show_pdf_preview(self, self.brief_pdf(), "Client brief")

    def show_page(self, title: str) -> None:
        page = self.pages.get(title)
        if page is not None:
            self.tabs.setCurrentWidget(page)

    def save(self) -> bool:
        """Save the profile; on bad input show why under each field and keep the dialog."""
        try:
            client = save_client(self.form.values(), self.client_id)
        except ValidationError as exc:
            self.tabs.setCurrentWidget(self.form)
            self.form.show_errors(exc.errors)
            count = len(exc.errors)
            self._set_status(f"Not saved: {count} field{'s' if count > 1 else ''} to correct.",
                             "error")
            return False
        except Exception as exc:  # e.g. the store is locked by another program
            QMessageBox.warning(self, "Not saved", f"The client could not be saved:\n{exc}")
            return False
        self.form.clear_errors()
        is_new = self.client_id is None
        self.client_id = client.id
        self.header.show_client(client)
        self.form.set_client(client)
        bus().clients_changed.emit()
        if is_new:
            self.setWindowTitle(f"{client.full_name} — Client")
            self._add_client_pages()
        self._set_status("Saved.", "muted")
        return True

    def _set_status(self, text: str, role: str) -> None:
        self.status.setProperty("role", role)
        self.status.setText(text)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def done(self, result: int) -> None:
        if "Purchases" in self.pages:
            with contextlib.suppress(RuntimeError, TypeError):
                bus().purchases_changed.disconnect(self._on_purchases_changed)
                bus().notes_changed.disconnect(self._on_notes_changed)
        super().done(result)
