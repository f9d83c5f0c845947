{{- define "jianfu.labels" -}}
app.kubernetes.io/part-of: jianfu
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/instance: {{ .Release.Name }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end -}}

{{- define "jianfu.image" -}}
{{ .root.Values.image.repository }}/{{ .app }}:{{ .root.Values.image.tag }}
{{- end -}}

{{/* The environment every process of an app shares: configuration from values, secrets from existing Secrets. */}}
{{- define "jianfu.env" -}}
{{- $v := .root.Values -}}
{{- $app := .app -}}
{{- $cfg := index $v.apps $app -}}
- name: DATABASE_SCHEMA
  value: {{ $app | quote }}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ $cfg.databaseSecret | default $v.secrets.database }}
      key: DATABASE_URL
- name: KAFKA_BROKERS
  value: {{ $v.kafka.brokers | quote }}
- name: KAFKA_TOPIC_PREFIX
  value: {{ $v.kafka.topicPrefix | quote }}
- name: KAFKA_TOPIC_PARTITIONS
  value: {{ $v.kafka.topicPartitions | quote }}
- name: KAFKA_TOPIC_REPLICATION_FACTOR
  value: {{ $v.kafka.topicReplicationFactor | quote }}
{{- if $v.kafka.topicMinInsyncReplicas }}
- name: KAFKA_TOPIC_MIN_INSYNC_REPLICAS
  value: {{ $v.kafka.topicMinInsyncReplicas | quote }}
{{- end }}
- name: KAFKA_TLS
  value: {{ ternary "true" "false" $v.kafka.tls.enabled | quote }}
{{- if $v.kafka.tls.caSecret }}
- name: KAFKA_TLS_CA_FILE
  value: /etc/jianfu/kafka-ca/ca.crt
{{- end }}
{{- if $v.kafka.sasl.mechanism }}
- name: KAFKA_SASL_MECHANISM
  value: {{ $v.kafka.sasl.mechanism | quote }}
- name: KAFKA_SASL_USERNAME
  valueFrom:
    secretKeyRef: { name: {{ $v.secrets.kafka }}, key: KAFKA_SASL_USERNAME }
- name: KAFKA_SASL_PASSWORD
  valueFrom:
    secretKeyRef: { name: {{ $v.secrets.kafka }}, key: KAFKA_SASL_PASSWORD }
{{- end }}
- name: TEMPORAL_ADDRESS
  value: {{ $v.temporal.address | quote }}
- name: TEMPORAL_NAMESPACE
  value: {{ $v.temporal.namespace | quote }}
- name: TEMPORAL_TLS
  value: {{ ternary "true" "false" $v.temporal.tls.enabled | quote }}
{{- if $v.temporal.tls.secret }}
- name: TEMPORAL_TLS_CA_FILE
  value: /etc/jianfu/temporal-tls/ca.crt
- name: TEMPORAL_TLS_CERT_FILE
  value: /etc/jianfu/temporal-tls/tls.crt
- name: TEMPORAL_TLS_KEY_FILE
  value: /etc/jianfu/temporal-tls/tls.key
{{- end }}
{{- if $v.temporal.tls.serverName }}
- name: TEMPORAL_TLS_SERVER_NAME
  value: {{ $v.temporal.tls.serverName | quote }}
{{- end }}
{{- if $v.temporal.apiKeySecret }}
- name: TEMPORAL_API_KEY
  valueFrom:
    secretKeyRef: { name: {{ $v.temporal.apiKeySecret }}, key: TEMPORAL_API_KEY }
{{- end }}
- name: OIDC_ISSUER
  value: {{ $v.oidc.issuer | quote }}
- name: LOG_LEVEL
  value: {{ $v.logLevel | quote }}
- name: METRICS_TOKEN
  valueFrom:
    secretKeyRef: { name: {{ $v.secrets.metrics }}, key: METRICS_TOKEN }
{{- if $v.tracing.otlpEndpoint }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ $v.tracing.otlpEndpoint | quote }}
- name: OTEL_SERVICE_NAME
  value: {{ printf "jianfu-%s" $app | quote }}
{{- end }}
{{- if eq $app "gateway" }}
- name: PUBLIC_URL
  value: {{ $v.gateway.publicUrl | quote }}
- name: SESSION_SECRET
  valueFrom:
    secretKeyRef: { name: {{ $v.secrets.gateway }}, key: GATEWAY_SESSION_SECRET }
{{- if $v.gateway.consoleDist }}
- name: CONSOLE_DIST
  value: {{ $v.gateway.consoleDist | quote }}
{{- end }}
{{- range $name, $other := $v.apps }}
{{- if ne $name "gateway" }}
- name: {{ printf "%s_URL" (upper $name) }}
  value: {{ printf "http://%s-%s:%v" $.root.Release.Name $name $other.port | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- if eq $app "identity" }}
- name: OIDC_SIGNING_KEYS
  valueFrom:
    secretKeyRef: { name: {{ $v.secrets.identity }}, key: OIDC_SIGNING_KEYS, optional: true }
{{- end }}
{{- end -}}

{{- define "jianfu.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
{{- if .Values.kafka.tls.caSecret }}
- name: kafka-ca
  mountPath: /etc/jianfu/kafka-ca
  readOnly: true
{{- end }}
{{- if .Values.temporal.tls.secret }}
- name: temporal-tls
  mountPath: /etc/jianfu/temporal-tls
  readOnly: true
{{- end }}
{{- end -}}

{{- define "jianfu.volumes" -}}
- name: tmp
  emptyDir: {}
{{- if .Values.kafka.tls.caSecret }}
- name: kafka-ca
  secret: { secretName: {{ .Values.kafka.tls.caSecret }} }
{{- end }}
{{- if .Values.temporal.tls.secret }}
- name: temporal-tls
  secret: { secretName: {{ .Values.temporal.tls.secret }} }
{{- end }}
{{- end -}}

{{/* One Deployment: an app's API (kind api) or its Temporal worker (kind worker). */}}
{{- define "jianfu.deployment" -}}
{{- $v := .root.Values -}}
{{- $cfg := index $v.apps .app -}}
{{- $own := index $cfg (printf "%sSettings" .kind) | default dict -}}
{{- $name := printf "%s-%s%s" .root.Release.Name .app (ternary "-worker" "" (eq .kind "worker")) -}}
{{- $port := ternary $v.workerMetricsPort $cfg.port (eq .kind "worker") -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $name }}
  labels:
    {{- include "jianfu.labels" .root | nindent 4 }}
    app.kubernetes.io/name: {{ .app }}
    app.kubernetes.io/component: {{ .kind }}
spec:
  {{- if not $v.autoscaling.enabled }}
  replicas: {{ $own.replicas | default 1 }}
  {{- end }}
  selector:
    matchLabels:
      app.kubernetes.io/instance: {{ .root.Release.Name }}
      app.kubernetes.io/name: {{ .app }}
      app.kubernetes.io/component: {{ .kind }}
  template:
    metadata:
      labels:
        {{- include "jianfu.labels" .root | nindent 8 }}
        app.kubernetes.io/name: {{ .app }}
        app.kubernetes.io/component: {{ .kind }}
      annotations:
        prometheus.io/scrape: 'true'
        prometheus.io/port: {{ $port | quote }}
        prometheus.io/path: /metrics
    spec:
      {{- with $v.imagePullSecrets }}
      imagePullSecrets: {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext: {{- toYaml $v.podSecurityContext | nindent 8 }}
      # Workers let running activities finish (shutdownGraceTime 10s); the API drains its requests.
      terminationGracePeriodSeconds: 30
      containers:
        - name: {{ .kind }}
          image: {{ include "jianfu.image" . }}
          imagePullPolicy: {{ $v.image.pullPolicy }}
          command: [node, {{ printf "apps/%s/dist/%s.js" .app (ternary "worker" "main" (eq .kind "worker")) | quote }}]
          env:
            {{- include "jianfu.env" . | nindent 12 }}
            {{- if eq .kind "worker" }}
            - name: METRICS_PORT
              value: {{ $port | quote }}
            {{- else }}
            - name: PORT
              value: {{ $port | quote }}
            {{- end }}
          ports:
            - name: http
              containerPort: {{ $port }}
          startupProbe:
            httpGet: { path: /health/live, port: http }
            periodSeconds: 5
            failureThreshold: 60
          livenessProbe:
            httpGet: { path: /health/live, port: http }
            periodSeconds: 10
            failureThreshold: 3
          readinessProbe:
            httpGet: { path: /health/ready, port: http }
            periodSeconds: 10
            failureThreshold: 3
          resources: {{- toYaml ($own.resources | default $v.resources) | nindent 12 }}
          securityContext: {{- toYaml $v.containerSecurityContext | nindent 12 }}
          volumeMounts:
            {{- include "jianfu.volumeMounts" .root | nindent 12 }}
      volumes:
        {{- include "jianfu.volumes" .root | nindent 8 }}
{{- end -}}
