from django.urls import path

from apps.checkins import views

app_name = "checkins"
urlpatterns = [
    path("today/", views.today, name="today"),
    path("checkins/safety/", views.safety, name="safety"),
    path("checkins/history/", views.history, name="history"),
    path("checkins/<str:day>/", views.checkin_day, name="day"),
    path("insights/", views.insights, name="insights"),
    path("journal/", views.journal_list, name="journal"),
    path("journal/new/", views.journal_create, name="journal-create"),
    path("journal/<int:pk>/", views.journal_detail, name="journal-detail"),
    path("journal/<int:pk>/edit/", views.journal_update, name="journal-update"),
    path("journal/<int:pk>/delete/", views.journal_delete, name="journal-delete"),
]
