using DrillBot.Store;
using Quartz;

namespace DrillBot.Tests.Store.SchedulerPersistence;

/// <summary>
/// The Quartz persistent-store configuration under test, written the way the service would: the
/// DRILLBOT_DB location decides the dialect; PostgreSQL runs clustered.
/// </summary>
internal static class QuartzStore
{
    public static StandaloneSchedulerFactory Build(StoreLocation location, string instanceId) =>
        QuartzSchedulerBuilder.Create(q =>
        {
            q.ConfigureScheduler(options =>
            {
                options.InstanceName = "drillbot";
                options.InstanceId = instanceId;
            });
            q.UsePersistentStore(store =>
            {
                if (location.Engine == StoreEngine.Postgres)
                {
                    store.UsePostgres(location.ConnectionString);
                    store.UseClustering(clustering =>
                    {
                        clustering.CheckinInterval = TimeSpan.FromSeconds(2);
                        clustering.CheckinMisfireThreshold = TimeSpan.FromSeconds(10);
                    });
                }
                else
                {
                    store.UseSqlite(location.ConnectionString);
                }

                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(options => options.SchemaProvisioning = SchemaProvisioning.CreateIfMissing);
            });
        }).Build();
}
