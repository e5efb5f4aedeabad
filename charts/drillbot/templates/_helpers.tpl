{{/* Chart name, overridable. */}}
{{- define "drillbot.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name of the release's objects. */}}
{{- define "drillbot.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "drillbot.selectorLabels" -}}
app.kubernetes.io/name: {{ include "drillbot.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "drillbot.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "drillbot.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "drillbot.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "drillbot.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "drillbot.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* "true" when DRILLBOT_DB is PostgreSQL: a Secret (must hold Host=…) or a plain Host=… value. */}}
{{- define "drillbot.usesPostgres" -}}
{{- if or .Values.database.existingSecret (regexMatch "(?i)^\\s*host\\s*=" (toString .Values.database.url)) }}true{{ end }}
{{- end }}

{{- define "drillbot.configDir" -}}/etc/drillbot/config{{- end }}
{{- define "drillbot.dataDir" -}}/app/data{{- end }}

{{/* Checks that Helm's schema cannot express. Rendering fails with one clear message each. */}}
{{- define "drillbot.validate" -}}
{{- if and (not .Values.accessOnly) (gt (int .Values.replicaCount) 1) (not (include "drillbot.usesPostgres" .)) }}
{{- fail (printf "replicaCount is %d, but several replicas need a shared PostgreSQL database: set database.existingSecret (a Secret whose key %s holds Host=...) or database.url to a Host=... connection string. SQLite supports exactly one replica." (int .Values.replicaCount) .Values.database.existingSecretKey) }}
{{- end }}
{{- if and .Values.persistence.enabled (gt (int .Values.replicaCount) 1) }}
{{- fail "persistence.enabled keeps a SQLite file on a ReadWriteOnce volume for one replica; with replicaCount > 1 use PostgreSQL and disable persistence" }}
{{- end }}
{{- $seen := dict }}
{{- range $i, $t := .Values.targets }}
{{- if hasKey $seen $t.namespace }}
{{- fail (printf "targets[%d]: namespace %q is listed twice; list each namespace once with all its objects" $i $t.namespace) }}
{{- end }}
{{- $_ := set $seen $t.namespace true }}
{{- end }}
{{- end }}
