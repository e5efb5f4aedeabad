using DrillBot.Store;
using Quartz;

namespace DrillBot.Scheduling;

/// <summary>Quartz on DrillBot's own database: clustered on PostgreSQL, single node on SQLite, tables created if missing.</summary>
internal static class QuartzFactory
{
    public static StandaloneSchedulerFactory Build(SchedulingOptions options, DrillJobFactory jobs) =>
        QuartzSchedulerBuilder.Create(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "drillbot";
                o.InstanceId = options.InstanceId;
            });
            q.UseJobFactory(jobs);
            q.UseDefaultThreadPool(2);
            q.UsePersistentStore(store =>
            {
                if (options.Store.Engine == StoreEngine.Postgres)
                {
                    store.UsePostgres(options.Store.ConnectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = options.QuartzCheckinInterval;
                        c.CheckinMisfireThreshold = options.QuartzCheckinMisfireThreshold ?? options.QuartzCheckinInterval * 3;
                    });
                }
                else
                {
                    store.UseSqlite(options.Store.ConnectionString);
                }

                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(o =>
                {
                    o.SchemaProvisioning = SchemaProvisioning.CreateIfMissing;
                    o.MisfireThreshold = options.MisfireThreshold;
                });
            });
        }).Build();
}
