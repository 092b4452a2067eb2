from django.urls import path

from apps.checkins import offline, selfcheck, tags, views

app_name = "checkins"
urlpatterns = [
    path("today/", views.today, name="today"),
    path("manifest.webmanifest", offline.manifest, name="manifest"),
    path("sw.js", offline.service_worker, name="service-worker"),
    path("offline/", offline.offline, name="offline"),
    path("offline/check-in/", offline.shell, name="shell"),
    path("checkins/offline/", offline.receive, name="offline-receive"),
    path("checkins/safety/", views.safety, name="safety"),
    path("checkins/history/", views.history, name="history"),
    path("checkins/<str:day>/", views.checkin_day, name="day"),
    path("insights/", views.insights, name="insights"),
    path("self-check/", selfcheck.take, name="self-check"),
    path("self-check/results/", selfcheck.results, name="self-check-results"),
    path("account/tags/", tags.tags, name="tags"),
    path("account/tags/add/", tags.tag_add, name="tag-add"),
    path("account/tags/<int:pk>/rename/", tags.tag_rename, name="tag-rename"),
    path("account/tags/<int:pk>/archive/", tags.tag_archive, name="tag-archive"),
    path("account/tags/<int:pk>/move/", tags.tag_move, name="tag-move"),
    path("journal/", views.journal_list, name="journal"),
    path("journal/new/", views.journal_create, name="journal-create"),
    path("journal/<int:pk>/", views.journal_detail, name="journal-detail"),
    path("journal/<int:pk>/edit/", views.journal_update, name="journal-update"),
    path("journal/<int:pk>/delete/", views.journal_delete, name="journal-delete"),
]
