from django.urls import path

from apps.reminders import views

app_name = "reminders"
urlpatterns = [
    path("account/email/", views.preferences, name="preferences"),
    path("account/email/summary/", views.summary_preview, name="summary-preview"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
