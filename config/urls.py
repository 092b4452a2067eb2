from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import include, path

# Staff sign in through allauth too: its rate limits and MFA then guard the admin.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "Pacewise administration"
admin.site.site_title = "Pacewise admin"

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("", include("apps.accounts.urls")),
    path("", include("apps.resources.urls")),
    path("", include("apps.checkins.urls")),
]
