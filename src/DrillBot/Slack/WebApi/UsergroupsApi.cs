using System.Text.Json.Nodes;

namespace DrillBot.Slack.WebApi;

/// <summary>
/// <c>usergroups.list</c> (every group: <c>{ok, usergroups: [{id, handle, name, …}]}</c>) and <c>usergroups.users.list</c>
/// (<c>usergroup</c> → <c>{ok, users: ["U…"]}</c>), both needing the bot scope <c>usergroups:read</c>
/// (https://api.slack.com/methods/usergroups.list, https://api.slack.com/methods/usergroups.users.list); Slack answers
/// <c>no_such_subteam</c> for an unknown group and <c>missing_scope</c> without the scope.
/// </summary>
public sealed class UsergroupsApi
{
    private readonly SlackWebApiClient client;

    internal UsergroupsApi(SlackWebApiClient client) => this.client = client;

    /// <summary>The workspace's user groups as (id, handle), or the failed call.</summary>
    public async Task<(IReadOnlyList<(string Id, string Handle)> Groups, SlackApiResponse Response)> List(CancellationToken cancellationToken)
    {
        var response = await client.CallFormAsync("usergroups.list", new Dictionary<string, string>(), cancellationToken).ConfigureAwait(false);
        var groups = new List<(string, string)>();
        if (response.Body?["usergroups"] is JsonArray array)
        {
            foreach (var group in array.OfType<JsonObject>())
            {
                if (Str(group, "id") is { } id && Str(group, "handle") is { } handle)
                {
                    groups.Add((id, handle));
                }
            }
        }

        return (groups, response);
    }

    /// <summary>The user IDs in <paramref name="groupId"/>, or the failed call.</summary>
    public async Task<(IReadOnlyList<string> Users, SlackApiResponse Response)> UsersList(string groupId, CancellationToken cancellationToken)
    {
        var response = await client.CallFormAsync("usergroups.users.list", new Dictionary<string, string> { ["usergroup"] = groupId }, cancellationToken).ConfigureAwait(false);
        var users = response.Body?["users"] is JsonArray array
            ? array.Select(u => u is JsonValue v && v.TryGetValue<string>(out var id) ? id : null).OfType<string>().ToList()
            : [];
        return (users, response);
    }

    private static string? Str(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
