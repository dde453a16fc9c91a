# Generated from ui/sync_export.ui by pyside6-uic — do not edit; run scripts/compile_ui.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sync_export.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QRadioButton, QSizePolicy, QVBoxLayout, QWidget)

class Ui_ExportDialog(object):
    def setupUi(self, ExportDialog):
        if not ExportDialog.objectName():
            ExportDialog.setObjectName(u"ExportDialog")
        ExportDialog.resize(560, 440)
        self.export_layout = QVBoxLayout(ExportDialog)
        self.export_layout.setObjectName(u"export_layout")
        self.recipients_label = QLabel(ExportDialog)
        self.recipients_label.setObjectName(u"recipients_label")

        self.export_layout.addWidget(self.recipients_label)

        self.recipients = QListWidget(ExportDialog)
        self.recipients.setObjectName(u"recipients")

        self.export_layout.addWidget(self.recipients)

        self.what = QGroupBox(ExportDialog)
        self.what.setObjectName(u"what")
        self.what_layout = QVBoxLayout(self.what)
        self.what_layout.setObjectName(u"what_layout")
        self.incremental = QRadioButton(self.what)
        self.incremental.setObjectName(u"incremental")
        self.incremental.setChecked(True)

        self.what_layout.addWidget(self.incremental)

        self.everything = QRadioButton(self.what)
        self.everything.setObjectName(u"everything")

        self.what_layout.addWidget(self.everything)


        self.export_layout.addWidget(self.what)

        self.encrypt = QCheckBox(ExportDialog)
        self.encrypt.setObjectName(u"encrypt")

        self.export_layout.addWidget(self.encrypt)

        self.file_row = QHBoxLayout()
        self.file_row.setObjectName(u"file_row")
        self.file_label = QLabel(ExportDialog)
        self.file_label.setObjectName(u"file_label")

        self.file_row.addWidget(self.file_label)

        self.file = QLineEdit(ExportDialog)
        self.file.setObjectName(u"file")

        self.file_row.addWidget(self.file)

        self.browse = QPushButton(ExportDialog)
        self.browse.setObjectName(u"browse")

        self.file_row.addWidget(self.browse)

        self.file_row.setStretch(1, 1)

        self.export_layout.addLayout(self.file_row)

        self.buttons = QDialogButtonBox(ExportDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.export_layout.addWidget(self.buttons)

        self.export_layout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.recipients_label.setBuddy(self.recipients)
        self.file_label.setBuddy(self.file)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ExportDialog)

        QMetaObject.connectSlotsByName(ExportDialog)
    # setupUi

    def retranslateUi(self, ExportDialog):
        ExportDialog.setWindowTitle(QCoreApplication.translate("ExportDialog", u"Export bundle", None))
        self.recipients_label.setText(QCoreApplication.translate("ExportDialog", u"&For:", None))
        self.what.setTitle(QCoreApplication.translate("ExportDialog", u"What to send", None))
        self.incremental.setText(QCoreApplication.translate("ExportDialog", u"&Only what they have not acknowledged (usual)", None))
        self.everything.setText(QCoreApplication.translate("ExportDialog", u"&Everything this computer holds (for a new partner, or after a lost bundle)", None))
        self.encrypt.setText(QCoreApplication.translate("ExportDialog", u"E&ncrypt: only the chosen partners can read it", None))
        self.file_label.setText(QCoreApplication.translate("ExportDialog", u"&File:", None))
        self.browse.setText(QCoreApplication.translate("ExportDialog", u"&Browse\u2026", None))
    # retranslateUi

