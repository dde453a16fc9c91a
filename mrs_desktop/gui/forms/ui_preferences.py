# Generated from ui/preferences.ui by pyside6-uic — do not edit; run scripts/compile_ui.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'preferences.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_PreferencesDialog(object):
    def setupUi(self, PreferencesDialog):
        if not PreferencesDialog.objectName():
            PreferencesDialog.setObjectName(u"PreferencesDialog")
        PreferencesDialog.resize(560, 440)
        self.layout = QVBoxLayout(PreferencesDialog)
        self.layout.setObjectName(u"layout")
        self.display_group = QGroupBox(PreferencesDialog)
        self.display_group.setObjectName(u"display_group")
        self.display_form = QFormLayout(self.display_group)
        self.display_form.setObjectName(u"display_form")
        self.display_form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.display_form.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.language_label = QLabel(self.display_group)
        self.language_label.setObjectName(u"language_label")

        self.display_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.language_label)

        self.language = QComboBox(self.display_group)
        self.language.setObjectName(u"language")

        self.display_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.language)

        self.language_note = QLabel(self.display_group)
        self.language_note.setObjectName(u"language_note")
        self.language_note.setWordWrap(True)

        self.display_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.language_note)

        self.date_display_label = QLabel(self.display_group)
        self.date_display_label.setObjectName(u"date_display_label")

        self.display_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.date_display_label)

        self.date_display = QComboBox(self.display_group)
        self.date_display.setObjectName(u"date_display")

        self.display_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.date_display)


        self.layout.addWidget(self.display_group)

        self.export_group = QGroupBox(PreferencesDialog)
        self.export_group.setObjectName(u"export_group")
        self.export_form = QFormLayout(self.export_group)
        self.export_form.setObjectName(u"export_form")
        self.export_form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.export_form.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.export_folder_label = QLabel(self.export_group)
        self.export_folder_label.setObjectName(u"export_folder_label")

        self.export_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.export_folder_label)

        self.export_folder_row = QHBoxLayout()
        self.export_folder_row.setObjectName(u"export_folder_row")
        self.export_folder = QLineEdit(self.export_group)
        self.export_folder.setObjectName(u"export_folder")
        self.export_folder.setClearButtonEnabled(True)

        self.export_folder_row.addWidget(self.export_folder)

        self.browse = QPushButton(self.export_group)
        self.browse.setObjectName(u"browse")

        self.export_folder_row.addWidget(self.browse)


        self.export_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.export_folder_row)

        self.export_folder_error = QLabel(self.export_group)
        self.export_folder_error.setObjectName(u"export_folder_error")
        self.export_folder_error.setWordWrap(True)

        self.export_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.export_folder_error)


        self.layout.addWidget(self.export_group)

        self.backup_group = QGroupBox(PreferencesDialog)
        self.backup_group.setObjectName(u"backup_group")
        self.backup_layout = QVBoxLayout(self.backup_group)
        self.backup_layout.setObjectName(u"backup_layout")
        self.backup_on_exit = QCheckBox(self.backup_group)
        self.backup_on_exit.setObjectName(u"backup_on_exit")

        self.backup_layout.addWidget(self.backup_on_exit)

        self.backups_kept_row = QHBoxLayout()
        self.backups_kept_row.setObjectName(u"backups_kept_row")
        self.backups_kept_label = QLabel(self.backup_group)
        self.backups_kept_label.setObjectName(u"backups_kept_label")

        self.backups_kept_row.addWidget(self.backups_kept_label)

        self.backups_kept = QSpinBox(self.backup_group)
        self.backups_kept.setObjectName(u"backups_kept")
        self.backups_kept.setMinimum(1)
        self.backups_kept.setMaximum(100)
        self.backups_kept.setValue(10)

        self.backups_kept_row.addWidget(self.backups_kept)

        self.backups_kept_unit = QLabel(self.backup_group)
        self.backups_kept_unit.setObjectName(u"backups_kept_unit")

        self.backups_kept_row.addWidget(self.backups_kept_unit)

        self.backups_kept_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.backups_kept_row.addItem(self.backups_kept_spacer)


        self.backup_layout.addLayout(self.backups_kept_row)

        self.backups_note = QLabel(self.backup_group)
        self.backups_note.setObjectName(u"backups_note")
        self.backups_note.setWordWrap(True)
        self.backups_note.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.backup_layout.addWidget(self.backups_note)


        self.layout.addWidget(self.backup_group)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.bottom_spacer)

        self.buttons = QDialogButtonBox(PreferencesDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.language_label.setBuddy(self.language)
        self.date_display_label.setBuddy(self.date_display)
        self.export_folder_label.setBuddy(self.export_folder)
        self.backups_kept_label.setBuddy(self.backups_kept)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.language, self.date_display)
        QWidget.setTabOrder(self.date_display, self.export_folder)
        QWidget.setTabOrder(self.export_folder, self.browse)
        QWidget.setTabOrder(self.browse, self.backup_on_exit)
        QWidget.setTabOrder(self.backup_on_exit, self.backups_kept)

        self.retranslateUi(PreferencesDialog)

        QMetaObject.connectSlotsByName(PreferencesDialog)
    # setupUi

    def retranslateUi(self, PreferencesDialog):
        PreferencesDialog.setWindowTitle(QCoreApplication.translate("PreferencesDialog", u"Preferences", None))
        self.display_group.setTitle(QCoreApplication.translate("PreferencesDialog", u"Language and dates", None))
        self.language_label.setText(QCoreApplication.translate("PreferencesDialog", u"&Language", None))
        self.language_note.setText(QCoreApplication.translate("PreferencesDialog", u"A new language shows the next time MRS Desktop starts.", None))
        self.date_display_label.setText(QCoreApplication.translate("PreferencesDialog", u"&Dates", None))
        self.export_group.setTitle(QCoreApplication.translate("PreferencesDialog", u"Exports", None))
        self.export_folder_label.setText(QCoreApplication.translate("PreferencesDialog", u"Default &folder", None))
        self.browse.setText(QCoreApplication.translate("PreferencesDialog", u"&Browse\u2026", None))
        self.export_folder_error.setText("")
        self.backup_group.setTitle(QCoreApplication.translate("PreferencesDialog", u"Backups", None))
        self.backup_on_exit.setText(QCoreApplication.translate("PreferencesDialog", u"Back up the database when MRS Desktop &closes", None))
        self.backups_kept_label.setText(QCoreApplication.translate("PreferencesDialog", u"&Keep the newest", None))
        self.backups_kept_unit.setText(QCoreApplication.translate("PreferencesDialog", u"automatic backups; older ones are deleted.", None))
        self.backups_note.setText("")
    # retranslateUi

