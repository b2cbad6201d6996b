from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class ClientsTab(QWidget):
    def __init__(self, window):
        super().__init__(window)
        QVBoxLayout(self).addWidget(QLabel("Clients"))
