from allauth.account import app_settings
from allauth.account.forms import SignupForm


class SiteSignupForm(SignupForm):
    """allauth's sign-up form, with its bot trap hidden by a class instead of an inline style.

    Our Content-Security-Policy blocks inline styles, which would leave allauth's trap visible,
    unlabelled and open to browser autofill.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        trap = self.fields.get(app_settings.SIGNUP_FORM_HONEYPOT_FIELD or "")
        if trap is not None:
            trap.widget.attrs = {"class": "honeypot", "tabindex": "-1", "autocomplete": "off"}
