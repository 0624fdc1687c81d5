"""Starting the desktop application (Qt, fonts, translations, the database) and its main
window: the project chooser, navigation between pages, menus and the status bar."""

from desktop.shell.app import create_application, main

__all__ = [


    "create_application",
    "main",
]
