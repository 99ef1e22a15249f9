app_name = "draws"

urlpatterns = []
