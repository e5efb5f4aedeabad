module drillbot/tools/dashboard-preview

go 1.19
