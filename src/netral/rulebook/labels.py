"""Display names of rulebook categories, marked for translation (shown by the CLI and web)."""

from netral.i18n import N_

CATEGORY_LABELS = {
    "ethics": N_("Ethics violation (moral sanction)"),
    "discipline-light": N_("Light discipline"),
    "discipline-moderate": N_("Moderate discipline"),
    "discipline-heavy": N_("Heavy discipline"),
    "dismissal": N_("Dismissal not with honour"),
    "criminal": N_("Election crime"),
}
