"""Floor 4: Qt widgets, item models and dialogs. The only floor that imports Qt."""
