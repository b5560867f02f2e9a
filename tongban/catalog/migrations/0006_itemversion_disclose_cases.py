from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('catalog', '0005_item_name_en'),
    ]

    operations = [
        migrations.AddField(
            model_name='itemversion',
            name='disclose_cases',
            field=models.BooleanField(default=False, help_text='勾选后，本事项的办件（申请人姓名已遮盖）在“办件公示”页面公开。涉及个人户籍、婚姻、健康、犯罪记录等个人情况的事项不应公示。', verbose_name='办件公示'),
        ),
    ]
