from django.urls import path

from apps.overview import views

app_name = "overview"
urlpatterns = [
    path("plan/week/", views.week, name="week"),
    path("report/", views.report_form, name="report"),
    path("report/print/", views.report_print, name="report-print"),
    path("report/pdf/", views.report_download, name="report-pdf"),
    path("account/email/summary/", views.summary_preview, name="summary-preview"),
]
