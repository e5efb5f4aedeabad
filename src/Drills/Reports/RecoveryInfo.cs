namespace DrillBot.Drills.Reports;

/// <summary>Report field <c>recovery</c>: seconds from t0 to the first sample of the recovery window.</summary>
public sealed record RecoveryInfo(double Seconds, string ServedBy);
