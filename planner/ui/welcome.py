"""The welcome screen: new plan (validated as you type), open, recent files, recovery."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME, APP_NAME_JA
from ..domain.errors import ValidationError
from ..domain.fiscal import fiscal_year_label, fiscal_year_of
from ..domain.model_municipality import Municipality, check_municipality
from ..domain.vocabularies import PREFECTURES
from .error_label import ErrorLabel
from .i18n import lang, plain_tip, t
from .mnemonics import label_buttons
from .text_size import WELCOME_TITLE, px, title_font


class NewPlanForm(QGroupBox):
    """Municipality, prefecture, staff, first fiscal year, author and department."""

    create = Signal(object)  # a valid Municipality

    def __init__(self) -> None:
        super().__init__(t("新しい計画を作成", "Create a new plan"))
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.name.setObjectName("newName")
        self.name.setPlaceholderText(t("例: さくら町", "e.g. Sakura Town"))
        self.prefecture = QComboBox()
        self.prefecture.setObjectName("newPrefecture")
        self.prefecture.addItem(t("（選択してください）", "(choose)"), "")
        for p in PREFECTURES:
            self.prefecture.addItem(p, p)
        self.general = QLineEdit()
        self.general.setObjectName("newGeneralStaff")
        self.general.setPlaceholderText(t("例: 120", "e.g. 120"))
        self.all_staff = QLineEdit()
        self.all_staff.setObjectName("newAllStaff")
        self.all_staff.setPlaceholderText(t("例: 180", "e.g. 180"))
        self.fiscal_year = QSpinBox()
        self.fiscal_year.setObjectName("newFiscalYear")
        self.fiscal_year.setRange(2000, 2100)
        self.fiscal_year.setValue(fiscal_year_of(date.today()) + 1)
        self.fy_label = QLabel()
        self.fiscal_year.valueChanged.connect(
            lambda v: self.fy_label.setText(fiscal_year_label(v, lang()))
        )
        self.fy_label.setText(fiscal_year_label(self.fiscal_year.value(), lang()))
        fy_row = QHBoxLayout()
        fy_row.addWidget(self.fiscal_year)
        fy_row.addWidget(self.fy_label, 1)
        self.author = QLineEdit()
        self.author.setObjectName("newAuthor")
        self.department = QLineEdit()
        self.department.setObjectName("newDepartment")
        self.department.setPlaceholderText(
            t("例: 総務課 職員係", "e.g. General Affairs, Personnel")
        )
        self.error = ErrorLabel()
        self.create_button = QPushButton(t("作成", "Create"))
        self.create_button.setObjectName("createPlan")
        self.create_button.setDefault(True)
        form.addRow(t("団体名 *", "Municipality *"), self.name)
        form.addRow(t("都道府県 *", "Prefecture *"), self.prefecture)
        form.addRow(t("一般行政職員数 *", "General administrative staff *"), self.general)
        form.addRow(t("全職員数 *", "All staff *"), self.all_staff)
        form.addRow(t("計画の初年度 *", "First fiscal year *"), fy_row)
        form.addRow(t("作成者", "Author"), self.author)
        form.addRow(t("担当部署", "Department"), self.department)
        form.addRow("", self.error)
        form.addRow("", self.create_button)
        self._touched = False  # no red text before the user has typed anything
        for w in (self.name, self.general, self.all_staff, self.author, self.department):
            w.textChanged.connect(self._edited)
        self.prefecture.currentIndexChanged.connect(self._edited)
        self.fiscal_year.valueChanged.connect(self._edited)
        self.create_button.clicked.connect(self._create)
        self.validate()

    def _number(self, edit: QLineEdit, field: str, ja: str, en: str) -> int:
        text = (
            edit.text()
            .strip()
            .translate(str.maketrans("０１２３４５６７８９", "0123456789"))
            .replace(",", "")
        )
        if not text:
            raise ValidationError(field, f"{ja}を入力してください。", f"Enter the {en.lower()}.")
        try:
            return int(text)
        except ValueError:
            raise ValidationError(
                field,
                f"{ja}は数字で入力してください（入力値: {edit.text()}）。",
                f"{en}: enter a number (got '{edit.text()}').",
            ) from None

    def municipality(self) -> Municipality:
        """The municipality as entered; raises the first problem in the form's order."""
        numbers: list[int] = []
        problems: list[ValidationError] = []
        for edit, field, ja, en in (
            (
                self.general,
                "municipality.general_staff",
                "一般行政職員数",
                "General administrative staff",
            ),
            (self.all_staff, "municipality.all_staff", "全職員数", "All staff"),
        ):
            try:
                numbers.append(self._number(edit, field, ja, en))
            except ValidationError as err:
                numbers.append(0)
                problems.append(err)
        mu = Municipality(
            name=self.name.text().strip(),
            prefecture=self.prefecture.currentData() or "",
            general_staff=numbers[0],
            all_staff=numbers[1],
            fiscal_year=self.fiscal_year.value(),
            author=self.author.text().strip(),
            department=self.department.text().strip(),
        )
        if problems:  # name and prefecture come first on the form, so they are reported first
            check_municipality(replace(mu, general_staff=0, all_staff=0))
            raise problems[0]
        check_municipality(mu)
        return mu

    def _edited(self) -> None:
        self._touched = True
        self.validate()

    def validate(self) -> Municipality | None:
        """Check as the user types: the first problem is shown under the form."""
        try:
            mu = self.municipality()
        except ValidationError as err:
            self.error.show_error(err)
            self.error.setVisible(self._touched)
            self.create_button.setEnabled(False)
            return None
        self.error.show_error(None)
        self.create_button.setEnabled(True)
        return mu

    def _create(self) -> None:
        mu = self.validate()
        if mu is not None:
            self.create.emit(mu)


class WelcomePage(QWidget):
    open_requested = Signal()
    open_path = Signal(object)  # Path
    recover = Signal(object)  # a recovery entry
    open_sample = Signal(object)  # Path of a shipped sample plan

    def __init__(
        self, recent: list[Path], recoveries: list, samples: tuple[tuple[Path, str], ...] = ()
    ) -> None:
        super().__init__()
        title = QLabel(f"{APP_NAME_JA}\n{APP_NAME}")
        title.setObjectName("welcomeTitle")
        title.setFont(title_font(WELCOME_TITLE))  # follows the text size (issue 22)
        intro = QLabel(
            t(
                "総務省の手引きの10の手順に沿って、テレワーク導入の実施計画を作成します。新しい計画を作成するか、保存した計画を開いてください。",
                "Plan telework for your staff along the ten steps of MIC's guide. Create a new plan or open a saved one.",
            )
        )
        intro.setWordWrap(True)
        self.form = NewPlanForm()
        right = QVBoxLayout()
        open_button = QPushButton(t("計画ファイルを開く…", "Open a plan file…"))
        open_button.setObjectName("openPlan")
        open_button.clicked.connect(self.open_requested)
        right.addWidget(open_button)
        recent_box = QGroupBox(t("最近使ったファイル", "Recent files"))
        self.recent = QListWidget()
        self.recent.setObjectName("recentFiles")
        for path in recent:
            # the name and its folder; the whole path (often long) in the tooltip
            item = QListWidgetItem(f"{path.name}  —  {path.parent.name or path.parent}")
            item.setToolTip(plain_tip(str(path)))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.recent.addItem(item)
        if not recent:
            self.recent.addItem(t("（まだありません）", "(none yet)"))
        self.recent.itemActivated.connect(self._open_recent)
        self.recent.itemDoubleClicked.connect(self._open_recent)
        QVBoxLayout(recent_box).addWidget(self.recent)
        self.recent.setMaximumHeight(px(180))
        # made in the page: shown while still without a parent, a box became a window of its
        # own for a moment, at every start (issue 25)
        samples_box = QGroupBox(
            t("見本の計画（コピーとして開きます）", "Sample plans (open as a copy)"), self
        )
        samples_box.setObjectName("samplesBox")
        samples_layout = QVBoxLayout(samples_box)
        for path, label in samples:
            button = QPushButton(t(f"見本: {label}", f"Sample: {label}"))
            button.setObjectName(f"sample_{path.stem}")
            button.clicked.connect(lambda _c=False, p=path: self.open_sample.emit(p))
            samples_layout.addWidget(button)
        samples_box.setVisible(bool(samples))
        right.addWidget(samples_box)
        self.recovery_box = QGroupBox(
            t(
                "前回終了時に保存されていなかった計画",
                "Plans not saved when the program last stopped",
            ),
            self,
        )
        self.recovery_box.setObjectName("recoveryBox")
        rec_layout = QVBoxLayout(self.recovery_box)
        for entry in recoveries:
            button = QPushButton(
                t(f"復元: {entry.municipality}（{entry.saved_at:%Y-%m-%d %H:%M} 自動保存）",
                  f"Recover: {entry.municipality} (autosaved {entry.saved_at:%Y-%m-%d %H:%M})")
            )  # fmt: skip
            button.setObjectName("recoverButton")
            button.clicked.connect(lambda _c=False, e=entry: self.recover.emit(e))
            rec_layout.addWidget(button)
        self.recovery_box.setVisible(bool(recoveries))
        right.addWidget(self.recovery_box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(self.form, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(12)
        layout.addLayout(columns)
        layout.addWidget(recent_box)  # full width: file and folder names can be long
        layout.addStretch(1)
        label_buttons(self, set("FEVH"))  # Alt+letter, leaving the menu bar's (issue 22)

    def _open_recent(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self.open_path.emit(Path(path))
