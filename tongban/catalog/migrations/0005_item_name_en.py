from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('catalog', '0004_search_entry_name_terms'),
    ]

    operations = [
        migrations.AddField(
            model_name='item',
            name='name_en',
            field=models.CharField(blank=True, max_length=300, verbose_name='英文名称'),
        ),
    ]
